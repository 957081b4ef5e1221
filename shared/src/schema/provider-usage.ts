import type { z } from 'zod';
import { anthropicUsageSchema } from './anthropic-usage';
import { geminiUsageSchema } from './gemini-usage';
import { openAiChatUsageSchema, openAiResponsesUsageSchema } from './openai-usage';
import { issuesFromZod, safeParseForIssues } from './event-issues';
import { TOKEN_FIELDS, type TokenUsage } from './token-usage';

/** A problem with a usage object; `path` is relative to the object (`prompt_tokens_details.cached_tokens`). */
export interface UsageIssue {
  path: string;
  message: string;
}

export type NormalizedUsage = { ok: true; usage: TokenUsage } | { ok: false; issues: UsageIssue[] };

const MAX_TOKENS = 1_000_000_000;

const UNKNOWN_SHAPE =
  'expected the usage object of OpenAI Chat Completions or Responses, Anthropic Messages or Gemini (usageMetadata)';

const has = (raw: object, keys: readonly string[]): boolean => keys.some((key) => Object.hasOwn(raw, key));

// Shapes are told apart by their keys, not by the provider: OpenAI-compatible APIs (DeepSeek, xAI, Mistral,
// Gemini's compatibility endpoint, routers) return Chat Completions usage for other makers' models.
function schemaFor(raw: object): z.ZodType<TokenUsage> | undefined {
  if (has(raw, ['prompt_tokens', 'completion_tokens'])) return openAiChatUsageSchema;
  if (
    has(raw, ['promptTokenCount', 'candidatesTokenCount', 'cachedContentTokenCount', 'thoughtsTokenCount'])
  ) {
    return geminiUsageSchema;
  }
  if (has(raw, ['cache_creation_input_tokens', 'cache_read_input_tokens', 'cache_creation'])) {
    return anthropicUsageSchema;
  }
  if (has(raw, ['input_tokens_details', 'output_tokens_details', 'total_tokens']))
    return openAiResponsesUsageSchema;
  // Bare input and output counts mean the same in Anthropic's and OpenAI Responses' conventions.
  if (has(raw, ['input_tokens', 'output_tokens'])) return anthropicUsageSchema;
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Accepts OpenAI Chat Completions or Responses, Anthropic Messages and Gemini `usageMetadata`.
/** Normalizes a provider's own usage object into tokentally's token fields (input excludes the cache). */
export function normalizeProviderUsage(raw: unknown): NormalizedUsage {
  if (!isRecord(raw)) return { ok: false, issues: [{ path: '', message: 'expected an object' }] };
  const schema = schemaFor(raw);
  if (schema === undefined) return { ok: false, issues: [{ path: '', message: UNKNOWN_SHAPE }] };
  const parsed = safeParseForIssues(schema, raw);
  if (!parsed.success) {
    const issues = issuesFromZod(null, parsed.error.issues);
    return { ok: false, issues: issues.map(({ path, message }) => ({ path, message })) };
  }
  // Sums of parts (candidates + thoughts, 5m + 1h writes) can pass the limit every event field obeys.
  const over = TOKEN_FIELDS.find((field) => parsed.data[field] > MAX_TOKENS);
  if (over !== undefined)
    return { ok: false, issues: [{ path: '', message: `${over} would exceed ${MAX_TOKENS}` }] };
  return { ok: true, usage: parsed.data };
}
