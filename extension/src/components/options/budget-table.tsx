import type { Budget } from '@tokentally/shared/api/budget';
import { formatUsd } from '../../badge/badge-text';

/** Props of the list of budgets. */
export interface BudgetTableProps {
  budgets: readonly Budget[];
  precision: number;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
}

function scopeText(budget: Budget): string {
  const parts = Object.entries(budget.scope).map(([key, value]) => `${key}: ${value}`);
  return parts.length === 0 ? 'everything' : parts.join(', ');
}

/** The budgets as a table with Edit and Delete per row; a sentence when there are none. */
export function BudgetTable({ budgets, precision, onEdit, onDelete }: BudgetTableProps) {
  if (budgets.length === 0) return <p data-testid="budget-list">No budgets yet.</p>;
  return (
    <table data-testid="budget-list">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Period</th>
          <th scope="col">Limit</th>
          <th scope="col">Warn at</th>
          <th scope="col">Scope</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {budgets.map((budget) => (
          <tr key={budget.id} data-testid={`budget-row-${budget.id}`}>
            <th scope="row">{budget.name}</th>
            <td>{budget.period}</td>
            <td>{formatUsd(budget.limit_usd, precision)}</td>
            <td>{Math.round(budget.warn_at * 100)}%</td>
            <td>{scopeText(budget)}</td>
            <td class="row-actions">
              <button
                type="button"
                aria-label={`Edit budget ${budget.name}`}
                onClick={() => {
                  onEdit(budget.id);
                }}
              >
                Edit
              </button>
              <button
                type="button"
                aria-label={`Delete budget ${budget.name}`}
                onClick={() => {
                  onDelete(budget.id);
                }}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
