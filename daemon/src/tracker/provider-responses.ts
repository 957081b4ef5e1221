import { inferProvider } from '@tokentally/shared/schema/provider';
import type { RecordInput, Tracker } from './tracker-types';

// The parts of the SDKs' response objects read here, typed loosely so no SDK is a dependency: `usage` is any
// object (the SDKs' usage interfaces have no index signature), normalized by the daemon from its keys.

/** An OpenAI Chat Completions response, its final streamed chunk (with `stream_options.include_usage`), or a Responses API response. */
export interface OpenAIResponseLike {
  id?: string | null;
  model: string;
  usage?: object | null;
  /** Responses API: `failed` or `incomplete` marks a call that did not complete. */
  status?: string | null;
  error?: { message?: string | null } | null;
}

/** An Anthropic Messages response (`client.messages.create`, or `stream.finalMessage()`). */
export interface AnthropicMessageLike {
  id?: string | null;
  model: string;
  usage?: object | null;
}

/** Labels to add to the recorded event (`tool`, `session_id`, `tags`, `duration_ms`, `cost_usd`...). */
export type ResponseLabels = Omit<RecordInput, 'model' | 'usage' | 'provider'> & { provider?: string };

const isUsage = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const FAILED_STATUSES = new Set(['failed', 'incomplete', 'cancelled']);

/**
 * Records an OpenAI response's model and usage (`prompt_tokens` or `input_tokens` include cached tokens; the
 * daemon moves them to cache reads). OpenAI-compatible APIs answer the same shape for other makers' models, so the
 * provider is `openai` only when the model name does not name another maker. Answers the event id, or undefined
 * when the response carries no usage.
 */
export function recordOpenAI(
  tracker: Tracker,
  response: OpenAIResponseLike,
  labels: ResponseLabels = {},
): string | undefined {
  if (!isUsage(response.usage)) return undefined;
  const inferred = inferProvider(response.model);
  const failed = typeof response.status === 'string' && FAILED_STATUSES.has(response.status);
  const error = response.error?.message ?? (failed ? `response ${response.status ?? ''}` : undefined);
  return tracker.record({
    model: response.model,
    usage: response.usage,
    ...(inferred === 'unknown' ? { provider: 'openai' } : {}),
    ...(response.id == null ? {} : { request_id: response.id }),
    ...(failed ? { status: 'error' as const, ...(error === undefined ? {} : { error }) } : {}),
    ...labels,
  });
}

/** Records an Anthropic message's model and usage (cache reads and writes, with the 1-hour part). */
export function recordAnthropic(
  tracker: Tracker,
  message: AnthropicMessageLike,
  labels: ResponseLabels = {},
): string | undefined {
  if (!isUsage(message.usage)) return undefined;
  return tracker.record({
    provider: 'anthropic',
    model: message.model,
    usage: message.usage,
    ...(message.id == null ? {} : { request_id: message.id }),
    ...labels,
  });
}
