import type { ModelInfo, ModelPrice as SourcePrices, TieredPrices } from '@pydantic/genai-prices';
import { cacheBillingFor, completeRates } from './derive-rates';
import type { ModelPrice, PriceTier, TokenRates } from './model-price';

// genai-prices' per-million-token keys for the five token kinds tokentally tracks. Its other keys (audio,
// image, per-request, web search ...) have no counterpart in a usage event and are ignored.
const SOURCE_KEYS = {
  input: 'input_mtok',
  output: 'output_mtok',
  cache_write: 'cache_write_mtok',
  cache_write_1h: 'cache_write_1h_mtok',
  cache_read: 'cache_read_mtok',
} as const satisfies Record<keyof TokenRates, string>;

type SourceValue = number | TieredPrices | undefined;

// The rate that applies to every request whose input exceeds `threshold` (null: the base rate).
function rateAbove(value: SourceValue, threshold: number | null): number | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  let rate = value.base;
  if (threshold === null) return rate;
  for (const tier of value.tiers) if (tier.start <= threshold) rate = tier.price;
  return rate;
}

function ratesAbove(prices: SourcePrices, threshold: number | null): TokenRates {
  return {
    input: rateAbove(prices[SOURCE_KEYS.input], threshold),
    output: rateAbove(prices[SOURCE_KEYS.output], threshold),
    cache_write: rateAbove(prices[SOURCE_KEYS.cache_write], threshold),
    cache_write_1h: rateAbove(prices[SOURCE_KEYS.cache_write_1h], threshold),
    cache_read: rateAbove(prices[SOURCE_KEYS.cache_read], threshold),
  };
}

// Every threshold at which any of the five rates changes; keys may tier at different points.
function tierStarts(prices: SourcePrices): number[] {
  const starts = new Set<number>();
  for (const key of Object.values(SOURCE_KEYS)) {
    const value = prices[key];
    if (typeof value === 'object') for (const tier of value.tiers) starts.add(tier.start);
  }
  return [...starts].sort((a, b) => a - b);
}

/** Converts one genai-prices price set of a model into a ModelPrice; undefined when it bills no text tokens. */
export function sourceModelPrice(
  model: ModelInfo,
  providerId: string,
  prices: SourcePrices,
): ModelPrice | undefined {
  const base = ratesAbove(prices, null);
  if (base.input === null && base.output === null) return undefined;
  const billing = cacheBillingFor(model.id, providerId);
  const completed = completeRates(base, billing);
  const tiers: PriceTier[] = tierStarts(prices).map((start) => ({
    above_input_tokens: start,
    ...completeRates(ratesAbove(prices, start), billing).rates,
  }));
  return {
    ...completed.rates,
    model: model.id,
    model_name: model.name ?? null,
    provider: providerId,
    source: 'genai-prices',
    tiers,
    derived: completed.derived,
  };
}
