import type { BudgetStatusEntry } from '@tokentally/shared/api/budget';
import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { BudgetCheckResult, BudgetFilters } from './tracker-types';

const usd = (value: number): string => `$${value.toFixed(value < 1 ? 4 : 2)}`;

/** Thrown by `checkBudget` when the daemon answers 402: a budget matching the check is exceeded. */
export class BudgetExceededError extends Error {
  /** The exceeded budget's standing, as `GET /v1/budgets/status` lists it. */
  readonly budget: BudgetStatusEntry;

  constructor(budget: BudgetStatusEntry) {
    const period = budget.period === 'total' ? 'in total' : `this ${budget.period}`;
    super(
      `budget "${budget.name}" (${budget.id}) is exceeded: spent ${usd(budget.spent_usd)} of ${usd(budget.limit_usd)} ${period}`,
    );
    this.name = 'BudgetExceededError';
    this.budget = budget;
  }
}

/**
 * Asks `GET /v1/budgets/check`. Throws `BudgetExceededError` on a 402; any other failure (the daemon down, a
 * bad filter) answers `checked: false` with the reason, so an agent decides itself whether to go on unchecked.
 */
export async function checkBudget(client: DaemonClient, filters: BudgetFilters): Promise<BudgetCheckResult> {
  const answer = await client.budgetCheck(filters);
  if (!answer.ok) return { checked: false, reason: `${answer.error.code}: ${answer.error.message}` };
  if (!answer.value.ok) throw new BudgetExceededError(answer.value.budget);
  return { checked: true };
}
