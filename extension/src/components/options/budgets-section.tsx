import type { BudgetDraft } from '../../models/options-budget-draft';
import type { BudgetsSectionState } from '../../models/options-budgets';
import { BudgetForm } from './budget-form';
import { BudgetTable } from './budget-table';

/** Props of the budgets section. */
export interface BudgetsSectionProps {
  state: BudgetsSectionState;
  precision: number;
  onAdd: () => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  onChange: (field: keyof BudgetDraft, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The daemon's budgets: the list, Add budget, and the form when adding or editing one. */
export function BudgetsSection({
  state,
  precision,
  onAdd,
  onEdit,
  onDelete,
  onChange,
  onSubmit,
  onCancel,
}: BudgetsSectionProps) {
  const { budgets, editor, error } = state;
  return (
    <section aria-labelledby="budgets-heading">
      <h2 id="budgets-heading">Budgets</h2>
      {budgets.state === 'loading' ? <p role="status">Loading budgets…</p> : null}
      {budgets.state === 'failed' ? (
        <p class="error" role="alert" data-testid="budget-list">
          Could not load the budgets: {budgets.message}
        </p>
      ) : null}
      {budgets.state === 'ready' ? (
        <BudgetTable budgets={budgets.items} precision={precision} onEdit={onEdit} onDelete={onDelete} />
      ) : null}
      {error === null ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {editor === null ? (
        <button type="button" data-testid="add-budget" onClick={onAdd}>
          Add budget
        </button>
      ) : (
        <BudgetForm editor={editor} onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} />
      )}
    </section>
  );
}
