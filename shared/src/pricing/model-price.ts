import { z } from 'zod';

/** A rate in USD per million tokens, or null where nothing bills that kind of token. */
const rateSchema = z.number().nonnegative().nullable();

/** The five token rates of SPEC's `GET /v1/pricing`, in USD per million tokens. */
export const tokenRatesSchema = z.object({
  input: rateSchema,
  output: rateSchema,
  cache_write: rateSchema,
  cache_write_1h: rateSchema,
  cache_read: rateSchema,
});

/** Rates that replace the base ones once a request's total input exceeds `above_input_tokens`. */
export const priceTierSchema = tokenRatesSchema.extend({
  above_input_tokens: z.int().nonnegative(),
});

export const PRICE_SOURCES = ['genai-prices', 'override'] as const;

/** The cache rates that may be derived by rule rather than read from the source (see `derive-rates.ts`). */
export const DERIVABLE_RATES = ['cache_write', 'cache_write_1h', 'cache_read'] as const;

/** The resolved price of one model at one moment: base rates, long-context tiers and where they came from. */
export const modelPriceSchema = tokenRatesSchema.extend({
  /** The source's model id (`claude-sonnet-4-0`) or, for an override, the key it was stored under. */
  model: z.string(),
  /** The source's display name, when it has one. */
  model_name: z.string().nullable(),
  /** The genai-prices provider id the match came from (`anthropic`, `aws`, `google` ...); null for an override. */
  provider: z.string().nullable(),
  source: z.enum(PRICE_SOURCES),
  /** Ascending by `above_input_tokens`; empty when the source has a single rate at any context length. */
  tiers: z.array(priceTierSchema),
  /** Rates not published by the source but derived by a documented rule. */
  derived: z.array(z.enum(DERIVABLE_RATES)),
});

export type TokenRates = z.infer<typeof tokenRatesSchema>;
export type PriceTier = z.infer<typeof priceTierSchema>;
export type PriceSource = (typeof PRICE_SOURCES)[number];
export type DerivableRate = (typeof DERIVABLE_RATES)[number];
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** The rates that apply to a request whose input (uncached + cache reads + cache writes) totals `inputTokens`. */
export function ratesForInput(price: ModelPrice, inputTokens: number): TokenRates {
  let rates: TokenRates = price;
  // Tiers are ascending and, as in genai-prices, apply strictly above their threshold.
  for (const tier of price.tiers) if (inputTokens > tier.above_input_tokens) rates = tier;
  return rates;
}
