import type { BudgetLevel, BudgetStatus, BudgetStatusEntry } from '@tokentally/shared/api/budget';

/** A budget standing for tests: a daily $10 budget at the given spend, with any field overridden. */
export function fakeBudgetEntry(
  spent: number,
  overrides: Partial<BudgetStatusEntry> = {},
): BudgetStatusEntry {
  const utilization = spent / 10;
  const status: BudgetLevel = utilization > 1 ? 'exceeded' : utilization >= 0.9 ? 'warning' : 'ok';
  return {
    id: 'daily',
    name: 'Daily',
    period: 'day',
    spent_usd: spent,
    limit_usd: 10,
    utilization,
    status,
    period_start: '2025-03-01T00:00:00Z',
    period_end: '2025-03-02T00:00:00Z',
    projected_usd: spent,
    ...overrides,
  };
}

/** A budget status for tests: the worst level of its entries. */
export function fakeBudgetStatus(...budgets: BudgetStatusEntry[]): BudgetStatus {
  const levels = budgets.map((budget) => budget.status);
  const status = levels.includes('exceeded') ? 'exceeded' : levels.includes('warning') ? 'warning' : 'ok';
  return { status, budgets };
}
