import type { LabelFilter } from '@tokentally/shared/aggregate/event-filter';

/** A WHERE clause under construction: conditions joined with AND, and their parameters in order. */
export interface Where {
  clauses: string[];
  params: (string | number)[];
}

/** An empty WHERE clause. */
export function where(): Where {
  return { clauses: [], params: [] };
}

/** The SQL text of a WHERE clause ('' when it has no conditions). */
export function whereSql(condition: Where): string {
  return condition.clauses.length === 0 ? '' : `WHERE ${condition.clauses.join(' AND ')}`;
}

/** Adds `from <= column < to` for the bounds that are finite. */
export function addTimeRange(condition: Where, column: string, from: number, to: number): void {
  if (Number.isFinite(from)) {
    condition.clauses.push(`${column} >= ?`);
    condition.params.push(from);
  }
  if (Number.isFinite(to)) {
    condition.clauses.push(`${column} < ?`);
    condition.params.push(to);
  }
}

const LABELS = ['model', 'provider', 'project', 'session_id', 'source'] as const;

/**
 * Adds the label filters. `agent` selects the agent and every sub-agent below it (`main` → `main/x`, never
 * `mainframe`): '0' is the character after '/', so `[agent/, agent0)` holds exactly the paths under it.
 */
export function addLabelFilter(condition: Where, filter: LabelFilter): void {
  for (const label of LABELS) {
    const value = filter[label];
    if (value === undefined) continue;
    condition.clauses.push(`${label} = ?`);
    condition.params.push(value);
  }
  if (filter.agent !== undefined) {
    const base = filter.agent.replace(/\/+$/, '');
    // An empty base ('/') must not select rollups' '' (no agent): only paths below it.
    condition.clauses.push(
      base === '' ? '(agent >= ? AND agent < ?)' : '(agent = ? OR (agent >= ? AND agent < ?))',
    );
    if (base !== '') condition.params.push(base);
    condition.params.push(`${base}/`, `${base}0`);
  }
}
