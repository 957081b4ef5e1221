import { nanosToUsd } from '@tokentally/shared/aggregate/aggregate';
import type { PartialSummary } from '@tokentally/shared/aggregate/group';
import type { Budget, BudgetStatus } from '@tokentally/shared/api/budget';
import { periodBounds } from '@tokentally/shared/budget/period';
import { budgetStatus, budgetStatusEntry } from '@tokentally/shared/budget/status';
import type { SummaryRequest } from './summary-query';

/**
 * Every budget's standing at `now`: what its scope spent in its current period (read from the rollups like any
 * summary; unpriced events count nothing), in the zone budget periods follow.
 */
export function computeBudgetStatus(
  budgets: readonly Budget[],
  summarize: (request: SummaryRequest) => PartialSummary,
  now: number,
  tz: string,
): BudgetStatus {
  const entries = budgets.map((budget) => {
    const bounds = periodBounds(budget.period, now, tz);
    const partial = summarize({
      filter: budget.scope,
      from: bounds.start ?? undefined,
      to: bounds.end ?? undefined,
      tz,
    });
    return budgetStatusEntry(budget, nanosToUsd(partial.totals.cost_nanos), now, tz);
  });
  return budgetStatus(entries);
}
