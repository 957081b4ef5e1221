import type { EventFilter } from '../api/query';
import { agentMatches } from './agent';

/** The label filters of an events or summary query (`from`/`to` are applied apart). */
export type LabelFilter = Partial<
  Pick<EventFilter, 'model' | 'provider' | 'agent' | 'project' | 'session_id' | 'source'>
>;

/** The labels of an event that filters and group keys read; absent labels may be null or missing. */
export interface LabelledEvent {
  model: string;
  provider: string;
  source: string;
  agent?: string | null | undefined;
  project?: string | null | undefined;
  session_id?: string | null | undefined;
  tool?: string | null | undefined;
}

const equalOrUnset = (filter: string | undefined, value: string | null | undefined): boolean =>
  filter === undefined || filter === value;

/** Whether an event passes every given label filter; `agent` also selects sub-agents (`main` → `main/x`). */
export function matchesLabelFilter(filter: LabelFilter, event: LabelledEvent): boolean {
  return (
    equalOrUnset(filter.model, event.model) &&
    equalOrUnset(filter.provider, event.provider) &&
    equalOrUnset(filter.project, event.project) &&
    equalOrUnset(filter.session_id, event.session_id) &&
    equalOrUnset(filter.source, event.source) &&
    (filter.agent === undefined || agentMatches(filter.agent, event.agent))
  );
}
