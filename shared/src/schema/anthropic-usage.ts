import { z } from 'zod';
import { countOf as n, providerCountSchema as count } from './provider-count';
import { emptyTokenUsage } from './token-usage';

/** Anthropic Messages `usage`, already in tokentally's convention: input excludes cache reads and writes. */
export const anthropicUsageSchema = z
  .looseObject({
    input_tokens: count,
    output_tokens: count,
    cache_creation_input_tokens: count,
    cache_read_input_tokens: count,
    cache_creation: z
      .looseObject({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count })
      .nullish(),
  })
  .transform((u) => {
    const oneHour = n(u.cache_creation?.ephemeral_1h_input_tokens);
    const fiveMinutes = n(u.cache_creation?.ephemeral_5m_input_tokens);
    return {
      ...emptyTokenUsage(),
      input_tokens: n(u.input_tokens),
      output_tokens: n(u.output_tokens),
      // Older responses carry only the total, some relays only the breakdown; take whichever is larger.
      cache_creation_input_tokens: Math.max(n(u.cache_creation_input_tokens), oneHour + fiveMinutes),
      cache_creation_1h_input_tokens: oneHour,
      cache_read_input_tokens: n(u.cache_read_input_tokens),
    };
  });

export type AnthropicUsage = z.input<typeof anthropicUsageSchema>;
