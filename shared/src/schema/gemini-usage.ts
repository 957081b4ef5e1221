import { z } from 'zod';
import { countOf as n, countsAreValid, providerCountSchema as count } from './provider-count';
import { emptyTokenUsage } from './token-usage';

/**
 * Gemini `usageMetadata`, normalized: `promptTokenCount` includes `cachedContentTokenCount`; tool-use prompts are
 * input; thoughts are billed as output but reported apart from candidates.
 */
export const geminiUsageSchema = z
  .looseObject({
    promptTokenCount: count,
    cachedContentTokenCount: count,
    candidatesTokenCount: count,
    thoughtsTokenCount: count,
    toolUsePromptTokenCount: count,
  })
  .refine((u) => n(u.cachedContentTokenCount) <= n(u.promptTokenCount), {
    path: ['cachedContentTokenCount'],
    error: 'expected at most promptTokenCount (cached content is part of the prompt)',
    when: countsAreValid,
  })
  .transform((u) => {
    const cached = n(u.cachedContentTokenCount);
    const thoughts = n(u.thoughtsTokenCount);
    return {
      ...emptyTokenUsage(),
      input_tokens: n(u.promptTokenCount) + n(u.toolUsePromptTokenCount) - cached,
      cache_read_input_tokens: cached,
      output_tokens: n(u.candidatesTokenCount) + thoughts,
      reasoning_tokens: thoughts,
    };
  });

export type GeminiUsageMetadata = z.input<typeof geminiUsageSchema>;
