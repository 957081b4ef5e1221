import { z } from 'zod';
import { issuesFromZod, type EventIssue } from '../schema/event-issues';
import { chatMessageSchema, countChatTokens, type ChatMessage } from './chat-messages';
import type { Encoder } from './encoder';
import { encodingNameSchema, type EncodingName } from './encoding-name';
import { loadEncoding } from './load-encoding';
import { encodingForModel } from './model-encoding';

/** What to count: plain text, or chat messages (per-message overhead included). */
export type TokenCountInput = { text: string } | { messages: readonly ChatMessage[] };

/** Whose tokens: a model's (its encoding, or an estimate) or an encoding's; o200k_base when neither. */
export interface TokenCountTarget {
  model?: string | undefined;
  encoding?: string | undefined;
}

/** A count, as `POST /v1/tokens/count` answers it; `exact` is false for an estimate. */
export interface TokenCount {
  tokens: number;
  encoding: EncodingName;
  exact: boolean;
}

/** A count, or why the request cannot be counted. */
export type TokenCountResult = { ok: true; value: TokenCount } | { ok: false; issues: EventIssue[] };

/** The body of `POST /v1/tokens/count`: `text` or `messages`, with `model` and/or `encoding`. */
export const tokenCountRequestSchema = z
  .strictObject({
    text: z.string().optional(),
    messages: z.array(chatMessageSchema).optional(),
    model: z.string().min(1).max(200).optional(),
    encoding: z.string().min(1).optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.messages === undefined), {
    error: 'expected either "text" or "messages"',
  });

/** Loads an encoder; injected so callers may share or preload encoders. */
export type LoadEncoder = (name: EncodingName) => Promise<Encoder>;

/**
 * Counts tokens. With `encoding`, that encoding counts (exact unless `model` names a model it only
 * estimates); with `model` alone, the model's encoding does (see `encodingForModel`). An unknown encoding is
 * an issue, not a throw.
 */
export async function countTokens(
  input: TokenCountInput,
  target: TokenCountTarget = {},
  load: LoadEncoder = loadEncoding,
): Promise<TokenCountResult> {
  const forModel = target.model === undefined ? undefined : encodingForModel(target.model);
  let encoding: EncodingName = forModel?.encoding ?? 'o200k_base';
  let exact = forModel?.exact ?? true;
  if (target.encoding !== undefined) {
    const named = encodingNameSchema.safeParse(target.encoding);
    if (!named.success) {
      const message = `unknown encoding "${target.encoding}"; expected ${encodingNameSchema.options.join(' or ')}`;
      return { ok: false, issues: [{ index: null, path: 'encoding', message }] };
    }
    encoding = named.data;
    exact = forModel === undefined || (forModel.exact && forModel.encoding === encoding);
  }
  const encoder = await load(encoding);
  const tokens = 'text' in input ? encoder.count(input.text) : countChatTokens(encoder, input.messages);
  return { ok: true, value: { tokens, encoding, exact } };
}

/** Validates a `POST /v1/tokens/count` body and counts it. */
export async function countTokensRequest(
  body: unknown,
  load: LoadEncoder = loadEncoding,
): Promise<TokenCountResult> {
  const parsed = tokenCountRequestSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(null, parsed.error.issues) };
  const { text, messages, model, encoding } = parsed.data;
  const input: TokenCountInput = text !== undefined ? { text } : { messages: messages ?? [] };
  return countTokens(input, { model, encoding }, load);
}
