import { emptyTokenUsage, type TokenUsage } from '@tokentally/shared/schema/token-usage';
import { type CountAttribute, countAttribute, hasAny } from './span-attributes';
import type { Attributes } from './trace-request';

// Each count is read from the first attribute present: OpenTelemetry's GenAI conventions, then their deprecated
// names and the names OpenLLMetry used before the conventions had cache fields, then OpenInference's.
/** The attributes each token count is read from, most specific first. */
export const USAGE_ATTRIBUTES = {
  input: ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.token_count.prompt'],
  output: ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.token_count.completion'],
  cacheRead: [
    'gen_ai.usage.cache_read.input_tokens',
    'gen_ai.usage.cache_read_input_tokens',
    'llm.token_count.prompt_details.cache_read',
  ],
  cacheCreation: [
    'gen_ai.usage.cache_creation.input_tokens',
    'gen_ai.usage.cache_creation_input_tokens',
    'llm.token_count.prompt_details.cache_write',
  ],
  reasoning: ['gen_ai.usage.reasoning.output_tokens', 'llm.token_count.completion_details.reasoning'],
} as const;

const ALL_USAGE_ATTRIBUTES = Object.values(USAGE_ATTRIBUTES).flat();

/** A span's token usage in tokentally's convention, none, or why its counts are unreadable. */
export type SpanUsage = { ok: true; usage: TokenUsage } | { ok: false; message: string } | undefined;

/**
 * Reads the token usage a span reports, normalized to tokentally's convention: OpenTelemetry's and OpenInference's
 * input count includes cache reads and writes, which are taken out of it. An input smaller than the cache counts
 * cannot include them (an instrumentation following Anthropic's convention), so it is kept as it is rather than
 * floored to zero. Reasoning is part of the output; a reasoning count above the output was reported beside it
 * and is added. A span without any usage attribute has no usage (undefined).
 */
export function spanUsage(attributes: Attributes): SpanUsage {
  if (!hasAny(attributes, ALL_USAGE_ATTRIBUTES)) return undefined;
  const counts: CountAttribute[] = [
    countAttribute(attributes, USAGE_ATTRIBUTES.input),
    countAttribute(attributes, USAGE_ATTRIBUTES.output),
    countAttribute(attributes, USAGE_ATTRIBUTES.cacheRead),
    countAttribute(attributes, USAGE_ATTRIBUTES.cacheCreation),
    countAttribute(attributes, USAGE_ATTRIBUTES.reasoning),
  ];
  const values: number[] = [];
  for (const count of counts) {
    if (!count.ok) return count;
    values.push(count.value ?? 0);
  }
  const [input = 0, output = 0, cacheRead = 0, cacheCreation = 0, reasoning = 0] = values;
  const cached = cacheRead + cacheCreation;
  return {
    ok: true,
    usage: {
      ...emptyTokenUsage(),
      input_tokens: input >= cached ? input - cached : input,
      output_tokens: reasoning > output ? output + reasoning : output,
      cache_read_input_tokens: cacheRead,
      cache_creation_input_tokens: cacheCreation,
      reasoning_tokens: reasoning,
    },
  };
}
