import { z } from 'zod';
import { ratesForInput } from './pricing/model-price';
import type { ModelPrice } from './pricing/model-price';
import type { TokenUsage } from './schema/token-usage';

/** Where an event's cost came from: the reporter, tokentally's prices, or nowhere (never a silent $0). */
export const costSourceSchema = z.enum(['reported', 'computed', 'unpriced']);
export type CostSource = z.infer<typeof costSourceSchema>;

/** The cost of one event: a number with `reported` or `computed`, null with `unpriced`. */
export const costSchema = z.discriminatedUnion('cost_source', [
  z.object({ cost_usd: z.number().nonnegative(), cost_source: z.enum(['reported', 'computed']) }),
  z.object({ cost_usd: z.null(), cost_source: z.literal('unpriced') }),
]);
export type Cost = z.infer<typeof costSchema>;

const UNPRICED: Cost = { cost_usd: null, cost_source: 'unpriced' };

// Costs are kept to 1e-10 USD: below a millionth of a cent, and far above float noise for any real bill.
// The sum is taken in micro-dollars (tokens × USD per million), so one multiply and one divide round it.
const TEN_THOUSANDTHS_OF_MICRO = 1e4;
const UNITS_PER_USD = 1e10;

// NaN marks tokens of a kind the price has no rate for: it survives the sum, so the event comes out unpriced.
const term = (tokens: number, rate: number | null): number =>
  tokens === 0 ? 0 : rate === null ? Number.NaN : tokens * rate;

/**
 * The cost of a request in USD. A reported cost wins as is. Otherwise: uncached input at the input rate,
 * output (reasoning included, never added again) at the output rate, cache writes at the 5-minute rate
 * except their 1-hour part at the 1-hour rate, cache reads at the cache-read rate; the long-context tier is
 * chosen by the request's whole input (uncached + cache reads + cache writes). Unpriced when there is no
 * price, or when tokens are present of a kind the price has no rate for.
 */
export function computeCost(
  usage: TokenUsage,
  price: ModelPrice | undefined,
  reportedCostUsd?: number,
): Cost {
  if (reportedCostUsd !== undefined) return { cost_usd: reportedCostUsd, cost_source: 'reported' };
  if (price === undefined) return UNPRICED;
  const cacheWrites = usage.cache_creation_input_tokens;
  // A 1-hour part larger than all writes is a reporter's error; it is capped rather than billed twice.
  const oneHourWrites = Math.min(usage.cache_creation_1h_input_tokens, cacheWrites);
  const rates = ratesForInput(price, usage.input_tokens + usage.cache_read_input_tokens + cacheWrites);
  // Summed term by term, without an array of [tokens, rate] pairs: this runs once per stored event.
  const microUsd =
    term(usage.input_tokens, rates.input) +
    term(usage.output_tokens, rates.output) +
    term(cacheWrites - oneHourWrites, rates.cache_write) +
    term(oneHourWrites, rates.cache_write_1h) +
    term(usage.cache_read_input_tokens, rates.cache_read);
  if (Number.isNaN(microUsd)) return UNPRICED;
  return {
    cost_usd: Math.round(microUsd * TEN_THOUSANDTHS_OF_MICRO) / UNITS_PER_USD,
    cost_source: 'computed',
  };
}
