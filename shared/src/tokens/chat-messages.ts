import { z } from 'zod';
import type { Encoder } from './encoder';

const textPartSchema = z.object({ type: z.literal('text'), text: z.string() });

/**
 * One chat message as the OpenAI Chat Completions API takes it: content as a string, as text parts, or
 * null or absent (a tool-call turn). Other fields are ignored; image and audio parts have no text to count and are
 * refused rather than silently counted as nothing.
 */
export const chatMessageSchema = z.object({
  role: z.string(),
  content: z
    .union([z.string(), z.array(textPartSchema), z.null()], {
      error: 'expected a string, an array of text parts, or null',
    })
    .optional(),
  name: z.string().optional(),
});

/** One chat message to count. */
export type ChatMessage = z.input<typeof chatMessageSchema>;

// OpenAI cookbook ("How to count tokens with tiktoken") for every chat model since gpt-3.5-turbo-0613:
// each message is wrapped in 3 tokens, a `name` adds 1, and the reply is primed with 3.
const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;

function contentText(content: ChatMessage['content']): string[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [content];
  return content.map((part) => part.text);
}

/** Tokens a list of chat messages takes as a prompt, per-message wrapping and reply priming included. */
export function countChatTokens(encoder: Encoder, messages: readonly ChatMessage[]): number {
  let tokens = REPLY_PRIMING;
  for (const message of messages) {
    tokens += PER_MESSAGE + encoder.count(message.role);
    for (const text of contentText(message.content)) tokens += encoder.count(text);
    if (message.name !== undefined) tokens += PER_NAME + encoder.count(message.name);
  }
  return tokens;
}
