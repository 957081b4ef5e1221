/** The group key of a missing label (no agent, no project, ...). */
export const NONE_KEY = '(none)';

const SEPARATOR = '/';

/** The top level of an agent path: `main/researcher/summarizer` → `main` (a path starting with `/` is kept whole). */
export function topLevelAgent(agent: string): string {
  const cut = agent.indexOf(SEPARATOR);
  return cut > 0 ? agent.slice(0, cut) : agent;
}

/** Whether an agent filter selects an agent: `main` selects `main` and every `main/...` below it, never `mainframe`. */
export function agentMatches(filter: string, agent: string | null | undefined): boolean {
  if (agent === null || agent === undefined) return false;
  const base = filter.endsWith(SEPARATOR) ? filter.replace(/\/+$/, '') : filter;
  return agent === base || agent.startsWith(base + SEPARATOR);
}
