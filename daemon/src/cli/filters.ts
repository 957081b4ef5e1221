import type { FilterParams } from '@tokentally/shared/client/client-params';
import type { TimeRange } from './time-range';

/** The filter flags report, export and watch share, with their help lines. */
export const FILTER_OPTIONS = {
  model: { type: 'string' },
  provider: { type: 'string' },
  agent: { type: 'string' },
  project: { type: 'string' },
  session: { type: 'string' },
  source: { type: 'string' },
} as const;

/** Help lines for FILTER_OPTIONS. */
export const FILTER_HELP = `  --model NAME         only this model
  --provider NAME      only this provider
  --agent NAME         only this agent and its sub-agents (main includes main/researcher)
  --project NAME       only this project
  --session ID         only this session
  --source NAME        only events from this reporter (api, sdk, otlp, claude-code, codex, cli ...)`;

/** Help lines for the time range flags. */
export const RANGE_HELP = `  --since DURATION     only the last 90m, 24h, 7d, 1w ... (or since a date)
  --from TIME          from this RFC 3339 time, YYYY-MM-DD date, or epoch ms (inclusive)
  --to TIME            until this time (exclusive)`;

type FilterFlags = Partial<Record<keyof typeof FILTER_OPTIONS, string | undefined>>;

/** Query parameters for the filter flags and time range; unset ones are left out. */
export function filterParams(flags: FilterFlags, range: TimeRange): FilterParams {
  return {
    from: range.from,
    to: range.to,
    model: flags.model,
    provider: flags.provider,
    agent: flags.agent,
    project: flags.project,
    session_id: flags.session,
    source: flags.source,
  };
}
