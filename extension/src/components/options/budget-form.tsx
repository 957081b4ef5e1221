import type { BudgetDraft } from '../../models/options-budget-draft';
import type { BudgetEditor } from '../../models/options-budgets';
import { IssueList } from './issue-list';
import { TextField } from './text-field';

/** Props of the form adding or editing a budget. */
export interface BudgetFormProps {
  editor: BudgetEditor;
  onChange: (field: keyof BudgetDraft, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

const PERIODS = [
  ['day', 'Day'],
  ['week', 'Week (from Monday)'],
  ['month', 'Month'],
  ['total', 'Total (never resets)'],
] as const;

// What a budget may be limited to; an empty field counts everything.
const SCOPE_FIELDS: readonly {
  field: 'project' | 'agent' | 'model' | 'provider';
  label: string;
  hint?: string;
}[] = [
  { field: 'project', label: 'Project' },
  { field: 'agent', label: 'Agent', hint: 'Includes its sub-agents (main counts main/researcher).' },
  { field: 'model', label: 'Model' },
  { field: 'provider', label: 'Provider' },
];

/** Name, period, limit, warning level and scope of a budget. */
export function BudgetForm({ editor, onChange, onSubmit, onCancel }: BudgetFormProps) {
  const { draft } = editor;
  const heading = editor.mode === 'add' ? 'Add a budget' : `Edit budget ${draft.id}`;
  return (
    <form
      class="panel"
      aria-label={heading}
      data-testid="budget-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{heading}</h3>
      <TextField
        id="budget-name"
        label="Name"
        value={draft.name}
        required
        onInput={(value) => {
          onChange('name', value);
        }}
      />
      {editor.mode === 'add' ? (
        <TextField
          id="budget-id"
          label="ID"
          value={draft.id}
          hint="Letters, digits and . _ : - ; made from the name when left empty."
          onInput={(value) => {
            onChange('id', value);
          }}
        />
      ) : null}
      <div class="field">
        <label for="budget-period">Period</label>
        <select
          id="budget-period"
          data-testid="budget-period"
          value={draft.period}
          onChange={(event) => {
            onChange('period', event.currentTarget.value);
          }}
        >
          {PERIODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="budget-limit"
        label="Limit (USD)"
        kind="decimal"
        value={draft.limit_usd}
        required
        onInput={(value) => {
          onChange('limit_usd', value);
        }}
      />
      <TextField
        id="budget-warn-at"
        label="Warn at (%)"
        kind="decimal"
        value={draft.warn_at_percent}
        onInput={(value) => {
          onChange('warn_at_percent', value);
        }}
      />
      <fieldset>
        <legend>Scope (leave empty to count everything)</legend>
        {SCOPE_FIELDS.map(({ field, label, hint }) => (
          <TextField
            key={field}
            id={`budget-${field}`}
            label={label}
            value={draft[field]}
            hint={hint}
            onInput={(value) => {
              onChange(field, value);
            }}
          />
        ))}
      </fieldset>
      <IssueList issues={editor.issues} testId="budget-issues" />
      <div class="actions">
        <button type="submit" disabled={editor.saving} data-testid="save-budget">
          {editor.mode === 'add' ? 'Create budget' : 'Update budget'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
