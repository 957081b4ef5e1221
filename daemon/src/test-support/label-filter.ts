import type { LabelFilter } from '@tokentally/shared/aggregate/event-filter';

/** The label filters among query parameters. */
export function labelFilterOf(query: Readonly<Record<string, string | undefined>>): LabelFilter {
  const filter: LabelFilter = {};
  for (const key of ['model', 'provider', 'agent', 'project', 'session_id', 'source'] as const) {
    const value = query[key];
    if (value !== undefined) filter[key] = value;
  }
  return filter;
}
