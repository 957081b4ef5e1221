import { z } from 'zod';
import { issuesFromZod } from '../schema/event-issues';
import type { EventIssue } from '../schema/event-issues';

export const PRICE_UNITS = ['per_million', 'per_1k'] as const;

const TOKENS_PER_UNIT = { per_million: 1, per_1k: 1000 } as const satisfies Record<
  (typeof PRICE_UNITS)[number],
  number
>;

const rate = z
  .number({ error: 'expected a price in USD (a number >= 0)' })
  .nonnegative({ error: 'expected a price in USD (a number >= 0)' })
  .max(1_000_000, { error: 'expected at most 1000000 USD per unit' });

// Null or absent: derived from `input` by the provider's rule (see derive-rates.ts).
const cacheRate = rate.nullable().default(null);

// 0.0025 per 1K × 1000 would read 2.5000000000000004 without rounding to 1e-9 USD per million.
function perMillion(value: number, factor: number): number {
  return Math.round(value * factor * 1e9) / 1e9;
}

/**
 * The body of `PUT /v1/pricing/overrides/:model`: USD per million tokens, or per 1,000 tokens with
 * `"unit": "per_1k"`. Cache rates may be left out; they are then derived from `input` as for the source.
 * Parses to a PriceOverride in USD per million tokens, itself a valid body (so stored overrides re-parse).
 */
export const priceOverrideSchema = z
  .strictObject({
    unit: z.enum(PRICE_UNITS, { error: 'expected "per_million" or "per_1k"' }).default('per_million'),
    input: rate,
    output: rate,
    cache_write: cacheRate,
    cache_write_1h: cacheRate,
    cache_read: cacheRate,
  })
  .transform(({ unit, ...rates }) => {
    const factor = TOKENS_PER_UNIT[unit];
    const convert = (value: number | null): number | null =>
      value === null ? null : perMillion(value, factor);
    return {
      input: perMillion(rates.input, factor),
      output: perMillion(rates.output, factor),
      cache_write: convert(rates.cache_write),
      cache_write_1h: convert(rates.cache_write_1h),
      cache_read: convert(rates.cache_read),
    };
  });

/** The `:model` of `PUT /v1/pricing/overrides/:model`: the model name the override applies to. */
export const overrideModelSchema = z.string().trim().min(1, { error: 'expected a model name' }).max(200);

export type PriceOverrideInput = z.input<typeof priceOverrideSchema>;
export type PriceOverride = z.output<typeof priceOverrideSchema>;
/** The user's overrides keyed by model name (matched case-insensitively, also by prefixed or dated names). */
export type PriceOverrides = Readonly<Record<string, PriceOverride>>;

export type PriceOverrideResult = { ok: true; value: PriceOverride } | { ok: false; issues: EventIssue[] };

/** Parses an override body, naming each bad field (`input: expected a price in USD ...`, `foo: unknown field`). */
export function parsePriceOverride(body: unknown): PriceOverrideResult {
  const parsed = priceOverrideSchema.safeParse(body, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: issuesFromZod(null, parsed.error.issues) };
}
