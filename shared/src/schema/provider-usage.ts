import { z } from 'zod';
import { tokenCountSchema, type TokenUsage } from './token-usage';

// Provider usage objects evolve (new detail fields appear), so unknown keys are kept, not rejected; the counts we
// read are still validated. Providers send `null` for absent details, hence nullish.
const count = tokenCountSchema.nullish();

const openAiChatUsageSchema = z.looseObject({
  prompt_tokens: tokenCountSchema,
  completion_tokens: count,
  prompt_tokens_details: z.looseObject({ cached_tokens: count }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: count }).nullish(),
});

const openAiResponsesUsageSchema = z.looseObject({
  input_tokens: tokenCountSchema,
  output_tokens: count,
  input_tokens_details: z.looseObject({ cached_tokens: count }).nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: count }).nullish(),
});

const anthropicUsageSchema = z.looseObject({
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: count,
  cache_read_input_tokens: count,
  cache_creation: z
    .looseObject({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count })
    .nullish(),
});

const geminiUsageSchema = z.looseObject({
  promptTokenCount: count,
  cachedContentTokenCount: count,
  candidatesTokenCount: count,
  thoughtsTokenCount: count,
  toolUsePromptTokenCount: count,
});

export type OpenAiChatUsage = z.input<typeof openAiChatUsageSchema>;
export type OpenAiResponsesUsage = z.input<typeof openAiResponsesUsageSchema>;
export type AnthropicUsage = z.input<typeof anthropicUsageSchema>;
export type GeminiUsageMetadata = z.input<typeof geminiUsageSchema>;

const n = (value: number | null | undefined): number => value ?? 0;

function usage(fields: Partial<TokenUsage>): TokenUsage {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: 0,
    reasoning_tokens: 0,
    ...fields,
  };
}

const fromOpenAiChat = (u: z.infer<typeof openAiChatUsageSchema>): TokenUsage => {
  const cached = n(u.prompt_tokens_details?.cached_tokens);
  return usage({
    input_tokens: Math.max(0, u.prompt_tokens - cached),
    cache_read_input_tokens: cached,
    output_tokens: n(u.completion_tokens),
    reasoning_tokens: n(u.completion_tokens_details?.reasoning_tokens),
  });
};

const fromOpenAiResponses = (u: z.infer<typeof openAiResponsesUsageSchema>): TokenUsage => {
  const cached = n(u.input_tokens_details?.cached_tokens);
  return usage({
    input_tokens: Math.max(0, u.input_tokens - cached),
    cache_read_input_tokens: cached,
    output_tokens: n(u.output_tokens),
    reasoning_tokens: n(u.output_tokens_details?.reasoning_tokens),
  });
};

const fromAnthropic = (u: z.infer<typeof anthropicUsageSchema>): TokenUsage => {
  const oneHour = n(u.cache_creation?.ephemeral_1h_input_tokens);
  const fiveMinutes = n(u.cache_creation?.ephemeral_5m_input_tokens);
  return usage({
    input_tokens: n(u.input_tokens),
    output_tokens: n(u.output_tokens),
    // Older responses carry only the breakdown or only the total; take whichever is larger.
    cache_creation_input_tokens: Math.max(n(u.cache_creation_input_tokens), oneHour + fiveMinutes),
    cache_creation_1h_input_tokens: oneHour,
    cache_read_input_tokens: n(u.cache_read_input_tokens),
  });
};

// Gemini's promptTokenCount includes cached tokens; thoughts are billed as output but reported apart from candidates.
const fromGemini = (u: z.infer<typeof geminiUsageSchema>): TokenUsage => {
  const cached = n(u.cachedContentTokenCount);
  const thoughts = n(u.thoughtsTokenCount);
  return usage({
    input_tokens: Math.max(0, n(u.promptTokenCount) + n(u.toolUsePromptTokenCount) - cached),
    cache_read_input_tokens: cached,
    output_tokens: n(u.candidatesTokenCount) + thoughts,
    reasoning_tokens: thoughts,
  });
};

export type UsageIssue = { path: (string | number)[]; message: string };
export type NormalizedUsage = { ok: true; usage: TokenUsage } | { ok: false; issues: UsageIssue[] };

function run<T>(schema: z.ZodType<T>, raw: unknown, convert: (value: T) => TokenUsage): NormalizedUsage {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, usage: convert(parsed.data) };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.filter((p) => typeof p !== 'symbol'),
      message: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message,
    })),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Normalizes a provider's own usage object (OpenAI Chat Completions or Responses, Anthropic Messages, Gemini
 * `usageMetadata`) into tokentally's token fields, where input excludes cache reads and writes.
 */
export function normalizeProviderUsage(provider: string, raw: unknown): NormalizedUsage {
  if (!isRecord(raw)) return { ok: false, issues: [{ path: [], message: 'expected an object' }] };
  switch (provider) {
    case 'openai':
      return 'prompt_tokens' in raw
        ? run(openAiChatUsageSchema, raw, fromOpenAiChat)
        : run(openAiResponsesUsageSchema, raw, fromOpenAiResponses);
    case 'anthropic':
      return run(anthropicUsageSchema, raw, fromAnthropic);
    case 'google':
      return run(geminiUsageSchema, raw, fromGemini);
    default:
      return {
        ok: false,
        issues: [
          {
            path: [],
            message: `no usage normalizer for provider "${provider}" (use openai, anthropic or google, or send the token fields)`,
          },
        ],
      };
  }
}
