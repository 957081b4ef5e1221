import { z } from 'zod';
import { countOf as n, countsAreValid, providerCountSchema as count } from './provider-count';
import { emptyTokenUsage, tokenCountSchema } from './token-usage';

const chatShape = z.looseObject({
  prompt_tokens: tokenCountSchema,
  completion_tokens: count,
  total_tokens: count,
  prompt_tokens_details: z.looseObject({ cached_tokens: count }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: count }).nullish(),
});

// OpenAI counts reasoning inside completion_tokens; xAI's compatible API reports it beside them, which shows as
// total_tokens = prompt + completion + reasoning.
const reasoningBesideCompletion = (u: z.infer<typeof chatShape>): boolean => {
  const reasoning = n(u.completion_tokens_details?.reasoning_tokens);
  return reasoning > 0 && u.total_tokens === u.prompt_tokens + n(u.completion_tokens) + reasoning;
};

/**
 * OpenAI Chat Completions `usage` (also what OpenAI-compatible APIs return), normalized: `prompt_tokens` includes
 * `prompt_tokens_details.cached_tokens`, which move to cache reads.
 */
export const openAiChatUsageSchema = chatShape
  .refine((u) => n(u.prompt_tokens_details?.cached_tokens) <= u.prompt_tokens, {
    path: ['prompt_tokens_details', 'cached_tokens'],
    error: 'expected at most prompt_tokens (cached tokens are part of the prompt)',
    when: countsAreValid,
  })
  .refine(
    (u) =>
      reasoningBesideCompletion(u) ||
      n(u.completion_tokens_details?.reasoning_tokens) <= n(u.completion_tokens),
    {
      path: ['completion_tokens_details', 'reasoning_tokens'],
      error: 'expected at most completion_tokens (reasoning is part of the completion)',
      when: countsAreValid,
    },
  )
  .transform((u) => {
    const cached = n(u.prompt_tokens_details?.cached_tokens);
    const reasoning = n(u.completion_tokens_details?.reasoning_tokens);
    return {
      ...emptyTokenUsage(),
      input_tokens: u.prompt_tokens - cached,
      cache_read_input_tokens: cached,
      output_tokens: n(u.completion_tokens) + (reasoningBesideCompletion(u) ? reasoning : 0),
      reasoning_tokens: reasoning,
    };
  });

export type OpenAiChatUsage = z.input<typeof openAiChatUsageSchema>;

/** OpenAI Responses `usage`, normalized: `input_tokens` includes `input_tokens_details.cached_tokens`. */
export const openAiResponsesUsageSchema = z
  .looseObject({
    input_tokens: tokenCountSchema,
    output_tokens: count,
    input_tokens_details: z.looseObject({ cached_tokens: count }).nullish(),
    output_tokens_details: z.looseObject({ reasoning_tokens: count }).nullish(),
  })
  .refine((u) => n(u.input_tokens_details?.cached_tokens) <= u.input_tokens, {
    path: ['input_tokens_details', 'cached_tokens'],
    error: 'expected at most input_tokens (cached tokens are part of the input)',
    when: countsAreValid,
  })
  .refine((u) => n(u.output_tokens_details?.reasoning_tokens) <= n(u.output_tokens), {
    path: ['output_tokens_details', 'reasoning_tokens'],
    error: 'expected at most output_tokens (reasoning is part of the output)',
    when: countsAreValid,
  })
  .transform((u) => {
    const cached = n(u.input_tokens_details?.cached_tokens);
    return {
      ...emptyTokenUsage(),
      input_tokens: u.input_tokens - cached,
      cache_read_input_tokens: cached,
      output_tokens: n(u.output_tokens),
      reasoning_tokens: n(u.output_tokens_details?.reasoning_tokens),
    };
  });

export type OpenAiResponsesUsage = z.input<typeof openAiResponsesUsageSchema>;
