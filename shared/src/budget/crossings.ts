import { z } from 'zod';
import { type BudgetLevel, budgetLevelSchema, type BudgetStatusEntry } from '../api/budget';
import { levelRank } from './status';

/**
 * What the alert detector remembers per budget id: the highest level already alerted (or seen) in the period that
 * starts at `period_start` under the limit `limit_usd`. Plain JSON, so the extension can persist it.
 */
export const budgetAlertStateSchema = z.record(
  z.string(),
  z.object({ level: budgetLevelSchema, period_start: z.string().nullable(), limit_usd: z.number() }),
);
export type BudgetAlertState = z.infer<typeof budgetAlertStateSchema>;

/** One notification to show: a budget reached `warning` or `exceeded` in its current period. */
export interface BudgetAlert {
  id: string;
  name: string;
  level: Exclude<BudgetLevel, 'ok'>;
  spent_usd: number;
  limit_usd: number;
  period_start: string | null;
}

function remembered(state: BudgetAlertState, entry: BudgetStatusEntry): BudgetLevel {
  if (!Object.hasOwn(state, entry.id)) return 'ok';
  const previous = state[entry.id];
  const samePeriod = previous?.period_start === entry.period_start && previous.limit_usd === entry.limit_usd;
  return samePeriod ? previous.level : 'ok';
}

/**
 * Compares budget standings with what was already alerted: a budget that rose to warning or exceeded fires one
 * alert at its new level (ok → exceeded fires only exceeded), at most once per level per period. A new period or
 * a changed limit starts afresh; a budget never seen before fires if it already stands above ok. The returned
 * state keeps only the current budgets.
 */
export function detectCrossings(
  previous: BudgetAlertState,
  current: readonly BudgetStatusEntry[],
): { alerts: BudgetAlert[]; state: BudgetAlertState } {
  const alerts: BudgetAlert[] = [];
  const entries: [string, BudgetAlertState[string]][] = [];
  for (const entry of current) {
    const before = remembered(previous, entry);
    const rose = levelRank(entry.status) > levelRank(before);
    if (rose && entry.status !== 'ok') {
      const { id, name, status: level, spent_usd, limit_usd, period_start } = entry;
      alerts.push({ id, name, level, spent_usd, limit_usd, period_start });
    }
    const level = rose ? entry.status : before;
    entries.push([entry.id, { level, period_start: entry.period_start, limit_usd: entry.limit_usd }]);
  }
  // fromEntries defines own properties, so an id such as `__proto__` is stored as data, not as a prototype.
  return { alerts, state: Object.fromEntries(entries) };
}
