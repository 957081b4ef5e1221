import type { StoredPriceOverride } from '@tokentally/shared/client/daemon-answers';
import { type PriceOverrideInput, priceOverrideSchema } from '@tokentally/shared/pricing/price-override';
import type { Loaded } from './options-budgets';
import { failureText, type DaemonAddress, type OptionsDeps } from './options-deps';
import { createValueStore, type ValueStore } from './value-store';

/** The five rates of an override, in USD per million tokens. */
export const RATE_FIELDS = ['input', 'output', 'cache_write', 'cache_write_1h', 'cache_read'] as const;
export type RateField = (typeof RATE_FIELDS)[number];

/** A stored override with the model it applies to. */
export type ModelOverride = StoredPriceOverride & { model: string };

/** The price override form as typed; an empty cache rate is derived from the input rate by the daemon. */
export type PriceDraft = { model: string } & Record<RateField, string>;

/** What the price overrides section shows. */
export interface PricesSectionState {
  overrides: Loaded<ModelOverride>;
  draft: PriceDraft;
  issues: string[];
  saving: boolean;
}

/** The price overrides section's state and actions. */
export interface PricesModel {
  store: ValueStore<PricesSectionState>;
  reload: () => Promise<void>;
  change: (field: keyof PriceDraft, value: string) => void;
  submit: () => Promise<void>;
  remove: (model: string) => Promise<void>;
}

const emptyDraft = (): PriceDraft => ({
  model: '',
  input: '',
  output: '',
  cache_write: '',
  cache_write_1h: '',
  cache_read: '',
});

const RATE_LABELS: Record<RateField, string> = {
  input: 'Input',
  output: 'Output',
  cache_write: 'Cache write',
  cache_write_1h: 'Cache write 1h',
  cache_read: 'Cache read',
};

/** Checks a draft with the daemon's own schema: the model and body, or what is wrong, field by field. */
export function checkPriceDraft(
  draft: PriceDraft,
): { ok: true; model: string; rates: PriceOverrideInput } | { ok: false; issues: string[] } {
  const model = draft.model.trim();
  const body: Record<string, number> = {};
  for (const field of RATE_FIELDS) {
    const text = draft[field].trim();
    // Input and output are required: an empty one is sent as NaN so the schema names it.
    if (text !== '' || field === 'input' || field === 'output')
      body[field] = text === '' ? Number.NaN : Number(text);
  }
  const parsed = priceOverrideSchema.safeParse(body);
  const issues = model === '' ? ['Model: expected a model name'] : [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = RATE_FIELDS.find((name) => name === issue.path[0]);
      issues.push(`${field === undefined ? 'Rates' : RATE_LABELS[field]}: ${issue.message}`);
    }
  }
  return issues.length > 0 || !parsed.success
    ? { ok: false, issues }
    : { ok: true, model, rates: parsed.data };
}

/** Creates the price overrides model; `address` is read at each call. */
export function createPricesModel({ clientFor }: OptionsDeps, address: () => DaemonAddress): PricesModel {
  const store = createValueStore<PricesSectionState>({
    overrides: { state: 'loading' },
    draft: emptyDraft(),
    issues: [],
    saving: false,
  });
  const patch = (update: Partial<PricesSectionState>): void => {
    store.set((current) => ({ ...current, ...update }));
  };

  async function reload(): Promise<void> {
    patch({ overrides: { state: 'loading' } });
    const answer = await clientFor(address()).pricing();
    const overrides: Loaded<ModelOverride> = answer.ok
      ? {
          state: 'ready',
          items: answer.value.overrides,
        }
      : { state: 'failed', message: failureText(answer.error) };
    patch({ overrides });
  }

  return {
    store,
    reload,
    change: (field, value) => {
      store.set((current) => ({ ...current, draft: { ...current.draft, [field]: value } }));
    },
    async submit() {
      const checked = checkPriceDraft(store.get().draft);
      if (!checked.ok) {
        patch({ issues: checked.issues });
        return;
      }
      patch({ saving: true, issues: [] });
      const answer = await clientFor(address()).putPriceOverride(checked.model, checked.rates);
      patch(
        answer.ok
          ? { saving: false, draft: emptyDraft() }
          : { saving: false, issues: [failureText(answer.error)] },
      );
      if (answer.ok) await reload();
    },
    async remove(model) {
      const answer = await clientFor(address()).deletePriceOverride(model);
      if (!answer.ok)
        patch({ issues: [`Could not delete the override of ${model}: ${failureText(answer.error)}`] });
      await reload();
    },
  };
}
