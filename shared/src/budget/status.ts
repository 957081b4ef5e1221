import type { Budget, BudgetLevel, BudgetStatus, BudgetStatusEntry } from '../api/budget';
import { nanosToUsd, usdToNanos } from '../aggregate/aggregate';
import { HOUR_MS } from '../aggregate/time-bucket';
import { formatZoned } from '../aggregate/time-zone';
import { periodBounds } from './period';

const LEVEL_RANK: Readonly<Record<BudgetLevel, number>> = { ok: 0, warning: 1, exceeded: 2 };

/** Orders levels: ok 0, warning 1, exceeded 2. */
export function levelRank(level: BudgetLevel): number {
  return LEVEL_RANK[level];
}

// Compared in nano-dollars so that float noise (0.27 / 0.3 = 0.9000000000000001) cannot flip a level.
// Reaching the limit counts as exceeded: nothing is left to spend, so a hard-limit check must refuse.
function levelOf(spentNanos: number, budget: Budget): BudgetLevel {
  if (spentNanos >= usdToNanos(budget.limit_usd)) return 'exceeded';
  if (spentNanos >= usdToNanos(budget.limit_usd * budget.warn_at)) return 'warning';
  return 'ok';
}

const roundNano = (value: number): number => Math.round(value * 1e9) / 1e9;

/**
 * A budget's standing at `nowMs` given what its scope spent this period: utilization = spent / limit; warning from
 * `warn_at`, exceeded from the limit itself (spent >= limit); projected_usd extends the spend linearly to the end
 * of the period, over at least one hour elapsed so a period's first minutes do not project wildly (`total`: the
 * spend itself).
 */
export function budgetStatusEntry(
  budget: Budget,
  spentUsd: number,
  nowMs: number,
  tz: string,
): BudgetStatusEntry {
  const spentNanos = usdToNanos(spentUsd);
  const bounds = periodBounds(budget.period, nowMs, tz);
  let projectedNanos = spentNanos;
  if (bounds.start !== null && bounds.end !== null) {
    const length = bounds.end - bounds.start;
    const elapsed = Math.min(length, Math.max(nowMs - bounds.start, HOUR_MS));
    projectedNanos = Math.round((spentNanos * length) / elapsed);
  }
  return {
    id: budget.id,
    name: budget.name,
    period: budget.period,
    spent_usd: nanosToUsd(spentNanos),
    limit_usd: budget.limit_usd,
    utilization: roundNano(spentUsd / budget.limit_usd),
    status: levelOf(spentNanos, budget),
    period_start: bounds.start === null ? null : formatZoned(bounds.start, tz),
    period_end: bounds.end === null ? null : formatZoned(bounds.end, tz),
    projected_usd: nanosToUsd(projectedNanos),
  };
}

/** The worst level among budgets; ok when there are none. */
export function overallStatus(entries: readonly Pick<BudgetStatusEntry, 'status'>[]): BudgetLevel {
  let worst: BudgetLevel = 'ok';
  for (const entry of entries) if (LEVEL_RANK[entry.status] > LEVEL_RANK[worst]) worst = entry.status;
  return worst;
}

/** The answer of `GET /v1/budgets/status` for these entries. */
export function budgetStatus(entries: BudgetStatusEntry[]): BudgetStatus {
  return { status: overallStatus(entries), budgets: entries };
}
