import { cacheBillingFor, completeRates } from './derive-rates';
import type { ModelPrice } from './model-price';
import { normalizeOverrideKey, overrideKeys } from './model-names';
import type { PriceOverride, PriceOverrides } from './price-override';
import { fixedSchedule, priceAt, scheduleFor } from './price-schedule';
import type { PriceSchedule } from './price-schedule';
import { findSourceModel } from './source-catalog';

/** Who serves the model (a hint: `openai`, `aws`, `google`, `openrouter` ...) and when it was used (epoch ms). */
export interface PriceQuery {
  readonly provider?: string | undefined;
  readonly at: number;
}

/** Prices model names against genai-prices and the user's overrides, remembering every name it has seen. */
export interface PriceResolver {
  /** The price of `model` at `query.at`; undefined when neither an override nor the source prices it. */
  priceFor(model: string, query: PriceQuery): ModelPrice | undefined;
  /** The prices of many models at one moment, in the order given. */
  priceModels(models: readonly string[], query: PriceQuery): (ModelPrice | undefined)[];
}

export interface PriceResolverOptions {
  readonly overrides?: PriceOverrides;
  /** Distinct model/provider pairs remembered before the memo starts over (bounds memory on hostile input). */
  readonly maxCachedModels?: number;
}

type OverrideIndex = ReadonlyMap<string, readonly [key: string, override: PriceOverride]>;

function indexOverrides(overrides: PriceOverrides): OverrideIndex {
  return new Map(
    Object.entries(overrides).map(([key, value]) => [normalizeOverrideKey(key), [key, value]] as const),
  );
}

function overridePrice(
  key: string,
  override: PriceOverride,
  billing: ReturnType<typeof cacheBillingFor>,
): ModelPrice {
  const { rates, derived } = completeRates(override, billing);
  return { ...rates, model: key, model_name: null, provider: null, source: 'override', tiers: [], derived };
}

// An override wins over the source; it is found by the name as given, unprefixed, or undated.
function resolveSchedule(
  model: string,
  provider: string | undefined,
  overrides: OverrideIndex,
): PriceSchedule | null {
  const billing = cacheBillingFor(model, provider?.trim().toLowerCase() ?? null);
  if (overrides.size > 0) {
    for (const key of overrideKeys(model)) {
      const found = overrides.get(key);
      if (found !== undefined) return fixedSchedule(overridePrice(found[0], found[1], billing));
    }
  }
  const match = findSourceModel(model, provider);
  return match === undefined ? null : scheduleFor(match.model, match.providerId);
}

/** Resolves one model's price without memoizing (for one-off lookups; the daemon uses createPriceResolver). */
export function resolvePrice(
  model: string,
  query: PriceQuery & { readonly overrides?: PriceOverrides },
): ModelPrice | undefined {
  const schedule = resolveSchedule(model, query.provider, indexOverrides(query.overrides ?? {}));
  return schedule === null ? undefined : priceAt(schedule, query.at);
}

/** Creates a memoizing resolver: the first lookup of a model/provider pair searches, later ones are a map hit. */
export function createPriceResolver({
  overrides = {},
  maxCachedModels = 10_000,
}: PriceResolverOptions = {}): PriceResolver {
  const index = indexOverrides(overrides);
  // provider hint → model name → schedule (null: unpriced). Nested maps spare a key string per lookup.
  const memo = new Map<string, Map<string, PriceSchedule | null>>();
  let size = 0;

  const scheduleOf = (model: string, provider: string | undefined): PriceSchedule | null => {
    const providerKey = provider ?? '';
    let byModel = memo.get(providerKey);
    if (byModel === undefined) {
      byModel = new Map();
      memo.set(providerKey, byModel);
    }
    const known = byModel.get(model);
    if (known !== undefined) return known;
    if (size >= maxCachedModels) {
      memo.clear();
      size = 0;
      memo.set(providerKey, byModel);
      byModel.clear();
    }
    const schedule = resolveSchedule(model, provider, index);
    byModel.set(model, schedule);
    size += 1;
    return schedule;
  };

  const priceFor = (model: string, query: PriceQuery): ModelPrice | undefined => {
    const schedule = scheduleOf(model, query.provider);
    return schedule === null ? undefined : priceAt(schedule, query.at);
  };

  return {
    priceFor,
    priceModels: (models, query) => models.map((model) => priceFor(model, query)),
  };
}
