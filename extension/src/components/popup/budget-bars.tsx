import type { BudgetStatusEntry } from '@tokentally/shared/api/budget';
import { formatMoney } from '../../models/popup-format';
import type { BudgetsView } from '../../models/popup-data';

/** Props of the budget bars. */
export interface BudgetBarsProps {
  budgets: BudgetsView | undefined;
  precision: number;
  onOpenOptions: () => void;
}

const PERIOD_WORDS: Record<BudgetStatusEntry['period'], string> = {
  day: 'today',
  week: 'this week',
  month: 'this month',
  total: 'in total',
};

const percent = (share: number): number => Math.round(share * 100);

function BudgetBar({ budget, precision }: { budget: BudgetStatusEntry; precision: number }) {
  const spent = Math.min(1, budget.utilization);
  const projected = Math.min(1, budget.projected_usd / budget.limit_usd);
  const money = (usd: number): string => formatMoney(usd, precision);
  const projection =
    budget.period === 'total'
      ? null
      : `Projected ${money(budget.projected_usd)} by the end of the ${budget.period}.`;
  return (
    <li
      class={`budget budget-${budget.status}`}
      data-testid="budget"
      data-budget-id={budget.id}
      data-status={budget.status}
    >
      <div class="budget-line">
        <span class="budget-name">{budget.name}</span>
        <span>
          {money(budget.spent_usd)} of {money(budget.limit_usd)} {PERIOD_WORDS[budget.period]}
        </span>
      </div>
      <div
        class="bar-track"
        role="meter"
        aria-label={`${budget.name}: ${String(percent(budget.utilization))}% used`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent(budget.utilization)}
      >
        <div class="bar-projected" style={{ width: `${String(projected * 100)}%` }} />
        <div class="bar-spent" style={{ width: `${String(spent * 100)}%` }} />
      </div>
      {projection === null ? null : <p class="note">{projection}</p>}
    </li>
  );
}

/** Each budget's spend against its limit, with the projection to the end of its period (as the worker last heard). */
export function BudgetBars({ budgets, precision, onOpenOptions }: BudgetBarsProps) {
  return (
    <section aria-labelledby="budgets-heading">
      <h2 id="budgets-heading">Budgets</h2>
      {budgets === undefined || budgets.entries.length === 0 ? (
        <p class="note">
          No budgets yet.{' '}
          <button type="button" class="link" onClick={onOpenOptions}>
            Set one in the options
          </button>
        </p>
      ) : (
        <ul class="budgets">
          {budgets.entries.map((budget) => (
            <BudgetBar key={budget.id} budget={budget} precision={precision} />
          ))}
        </ul>
      )}
    </section>
  );
}
