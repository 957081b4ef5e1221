import { z } from 'zod';

/** A token count as the event schema accepts it: an integer from 0 to one billion. */
export const tokenCountSchema = z
  // z.int() reports integers beyond 2^53 as too big, so say what the limit is rather than call 1e20 a non-integer.
  .int({
    error: (issue) =>
      issue.code === 'too_big' ? 'expected at most 1000000000' : 'expected a non-negative integer',
  })
  .min(0, { error: 'expected a non-negative integer' })
  .max(1_000_000_000, { error: 'expected at most 1000000000' });

/**
 * The token fields of a usage event, in tokentally's convention (Anthropic's): `input_tokens` excludes cache
 * reads and writes, `output_tokens` includes reasoning, `cache_creation_1h_input_tokens` is the part of
 * `cache_creation_input_tokens` written with a 1-hour lifetime.
 */
export const tokenUsageSchema = z.strictObject({
  input_tokens: tokenCountSchema,
  output_tokens: tokenCountSchema,
  cache_creation_input_tokens: tokenCountSchema,
  cache_creation_1h_input_tokens: tokenCountSchema,
  cache_read_input_tokens: tokenCountSchema,
  reasoning_tokens: tokenCountSchema,
});

export type TokenUsage = z.infer<typeof tokenUsageSchema>;

/** The token fields in the order events, exports and summaries list them. */
export const TOKEN_FIELDS = [
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'reasoning_tokens',
] as const satisfies readonly (keyof TokenUsage)[];

/** A usage with every token field at zero. */
export function emptyTokenUsage(): TokenUsage {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: 0,
    reasoning_tokens: 0,
  };
}

/** Input + both cache fields + output: what SPEC calls `total_tokens` (reasoning is inside output). */
export function totalTokens(usage: TokenUsage): number {
  return (
    usage.input_tokens +
    usage.cache_creation_input_tokens +
    usage.cache_read_input_tokens +
    usage.output_tokens
  );
}
