import {
  type PriceDraft,
  type PricesSectionState,
  RATE_FIELDS,
  type RateField,
} from '../../models/options-prices';
import { IssueList } from './issue-list';
import { TextField } from './text-field';

/** Props of the price overrides section. */
export interface PricesSectionProps {
  state: PricesSectionState;
  onChange: (field: keyof PriceDraft, value: string) => void;
  onSubmit: () => void;
  onDelete: (model: string) => void;
}

const RATE_LABELS: Record<RateField, string> = {
  input: 'Input',
  output: 'Output',
  cache_write: 'Cache write',
  cache_write_1h: 'Cache write (1 h)',
  cache_read: 'Cache read',
};

const rateText = (rate: number | null): string => (rate === null ? '—' : `$${String(rate)}`);

/** The user's price overrides (USD per million tokens): list, delete, and a form to add one. */
export function PricesSection({ state, onChange, onSubmit, onDelete }: PricesSectionProps) {
  const { overrides, draft } = state;
  return (
    <section aria-labelledby="prices-heading">
      <h2 id="prices-heading">Price overrides</h2>
      <p class="hint">USD per million tokens. Empty cache rates are derived from the input rate.</p>
      {overrides.state === 'loading' ? <p role="status">Loading overrides…</p> : null}
      {overrides.state === 'failed' ? (
        <p class="error" role="alert">
          Could not load the price overrides: {overrides.message}
        </p>
      ) : null}
      {overrides.state === 'ready' && overrides.items.length === 0 ? (
        <p data-testid="price-overrides">No overrides.</p>
      ) : null}
      {overrides.state === 'ready' && overrides.items.length > 0 ? (
        <table data-testid="price-overrides">
          <thead>
            <tr>
              <th scope="col">Model</th>
              {RATE_FIELDS.map((field) => (
                <th key={field} scope="col">
                  {RATE_LABELS[field]}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overrides.items.map((override) => (
              <tr key={override.model}>
                <th scope="row">{override.model}</th>
                {RATE_FIELDS.map((field) => (
                  <td key={field}>{rateText(override[field])}</td>
                ))}
                <td>
                  <button
                    type="button"
                    aria-label={`Delete price override ${override.model}`}
                    onClick={() => {
                      onDelete(override.model);
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        class="panel"
        aria-label="Add a price override"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <TextField
          id="price-model"
          label="Override model"
          value={draft.model}
          required
          onInput={(value) => {
            onChange('model', value);
          }}
        />
        <div class="rates">
          {RATE_FIELDS.map((field) => (
            <TextField
              key={field}
              id={`price-${field.replaceAll('_', '-')}`}
              label={`${RATE_LABELS[field]} ($/M)`}
              kind="decimal"
              value={draft[field]}
              onInput={(value) => {
                onChange(field, value);
              }}
            />
          ))}
        </div>
        <IssueList issues={state.issues} testId="price-issues" />
        <div class="actions">
          <button type="submit" disabled={state.saving} data-testid="save-price-override">
            Add override
          </button>
        </div>
      </form>
    </section>
  );
}
