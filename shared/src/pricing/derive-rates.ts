import type { DerivableRate, TokenRates } from './model-price';

/** How a provider bills cache traffic that the price source gives no rate for. */
export type CacheBilling = 'anthropic' | 'input-rate';

/** Claude models bill cache writes at a premium (wherever they are served); everyone else does not. */
export function cacheBillingFor(modelId: string, providerId: string | null): CacheBilling {
  return providerId === 'anthropic' || modelId.toLowerCase().includes('claude') ? 'anthropic' : 'input-rate';
}

// Rates are kept to 1e-9 USD per million tokens so that e.g. 3 × 0.1 reads 0.3, not 0.30000000000000004.
function roundRate(rate: number): number {
  return Math.round(rate * 1e9) / 1e9;
}

/**
 * Fills the cache rates the source leaves out, by the provider's published rule:
 * - Anthropic (anthropic.com/pricing, "prompt caching"): a 5-minute cache write costs 1.25× the base input
 *   rate, a 1-hour write 2×, a cache read 0.1×. genai-prices lists the 1-hour rate for few models (none on
 *   Bedrock), so it is usually derived.
 * - Everyone else (OpenAI, Gemini, DeepSeek, xAI, Mistral ...) charges no write premium: tokens written to
 *   a cache are billed as ordinary input, there is no separate 1-hour rate, and a model without a published
 *   cache-read discount bills cached tokens as input too (genai-prices' own calcPrice does the same).
 * A null input rate derives nothing: a cache rate is never invented from nothing.
 */
export function completeRates(
  rates: TokenRates,
  billing: CacheBilling,
): { rates: TokenRates; derived: DerivableRate[] } {
  const derived: DerivableRate[] = [];
  const { input } = rates;
  const fill = (field: DerivableRate, value: number | null): number | null => {
    const given = rates[field];
    if (given !== null || value === null) return given;
    derived.push(field);
    return roundRate(value);
  };
  const times = (factor: number): number | null => (input === null ? null : input * factor);
  if (billing === 'anthropic') {
    return {
      rates: {
        ...rates,
        cache_write: fill('cache_write', times(1.25)),
        cache_write_1h: fill('cache_write_1h', times(2)),
        cache_read: fill('cache_read', times(0.1)),
      },
      derived,
    };
  }
  const cacheWrite = fill('cache_write', input);
  return {
    rates: {
      ...rates,
      cache_write: cacheWrite,
      cache_write_1h: fill('cache_write_1h', cacheWrite),
      cache_read: fill('cache_read', input),
    },
    derived,
  };
}
