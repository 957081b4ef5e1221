import { formatCount } from '@tokentally/shared/report/format-number';
import type { TextSource } from '../../count/page-text';
import type { CountSectionState, CountStatus } from '../../models/popup-count';
import { formatMoney } from '../../models/popup-format';

/** Props of the page count panel. */
export interface CountPanelProps {
  state: CountSectionState;
  precision: number;
  onCount: () => void;
  onModel: (model: string) => void;
}

const SOURCE_WORDS: Record<TextSource, string> = {
  selection: 'the selection',
  page: "the page's visible text",
  'context-menu': 'the selected text',
};

function Result({
  status,
  precision,
}: {
  status: Extract<CountStatus, { state: 'done' }>;
  precision: number;
}) {
  const { result, cost } = status;
  return (
    <dl
      class="count-result"
      data-testid="count-result"
      data-tokens={String(result.tokens)}
      data-characters={String(result.characters)}
      data-encoding={result.encoding}
      data-exact={String(result.exact)}
      data-cost-usd={cost.usd === null ? '' : String(cost.usd)}
    >
      <div>
        <dt>Tokens</dt>
        <dd data-testid="count-tokens">{formatCount(result.tokens)}</dd>
      </div>
      <div>
        <dt>Characters</dt>
        <dd>{formatCount(result.characters)}</dd>
      </div>
      <div>
        <dt>As input</dt>
        <dd>{cost.usd === null ? 'no known price' : formatMoney(cost.usd, precision)}</dd>
      </div>
      <p class="note">
        {SOURCE_WORDS[status.source]}, {result.encoding},{' '}
        {result.exact ? 'exact' : `estimate (${result.model} has no public tokenizer)`}
        {cost.per_million === null ? '' : `, at ${formatMoney(cost.per_million, 2)} per 1M input tokens`}.
      </p>
    </dl>
  );
}

function StatusLine({ status, precision }: { status: CountStatus; precision: number }) {
  switch (status.state) {
    case 'idle':
      return <p class="note">Counts the selection if there is one, otherwise the page's visible text.</p>;
    case 'reading':
      return <p class="note">Reading the page…</p>;
    case 'counting': {
      const share = status.total === 0 ? 0 : Math.round((status.done / status.total) * 100);
      return (
        <p class="note counting">
          <label for="count-progress">Counting {SOURCE_WORDS[status.source]}… </label>
          <progress id="count-progress" max={100} value={share} data-testid="count-progress">
            {share}%
          </progress>
        </p>
      );
    }
    case 'done':
      return <Result status={status} precision={precision} />;
    case 'error':
      return (
        <p class="error" role="alert" data-testid="count-error">
          {status.message}
        </p>
      );
    default:
      return status satisfies never;
  }
}

/** "Count tokens on this page": a model picker, the button, and tokens, characters and input cost of the text. */
export function CountPanel({ state, precision, onCount, onModel }: CountPanelProps) {
  const busy = state.status.state === 'reading' || state.status.state === 'counting';
  const models = state.models.includes(state.model) ? state.models : [state.model, ...state.models];
  return (
    <section aria-labelledby="count-heading">
      <h2 id="count-heading">Count tokens</h2>
      <div class="row">
        <label class="inline" for="count-model">
          Model
        </label>
        <select
          id="count-model"
          data-testid="count-model"
          value={state.model}
          onChange={(event) => {
            onModel(event.currentTarget.value);
          }}
        >
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
        <button type="button" class="primary" data-testid="count-page" onClick={onCount} disabled={busy}>
          Count tokens on this page
        </button>
      </div>
      <div aria-live="polite" aria-busy={busy}>
        <StatusLine status={state.status} precision={precision} />
      </div>
    </section>
  );
}
