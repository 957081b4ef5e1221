import { z } from 'zod';
import { encodingNameSchema } from '@tokentally/shared/tokens/encoding-name';

/** What the popup asks the count worker: count a text for a model, or load a model's encoding ahead of time. */
export const countRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('count'), id: z.int(), text: z.string(), model: z.string().min(1) }),
  z.object({ type: z.literal('warm'), model: z.string().min(1) }),
]);
export type CountRequest = z.infer<typeof countRequestSchema>;

/** What the count worker answers: progress of a count, its result, or why it failed. */
export const countReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: z.int(), done: z.int(), total: z.int() }),
  z.object({
    type: z.literal('result'),
    id: z.int(),
    model: z.string(),
    tokens: z.int(),
    characters: z.int(),
    encoding: encodingNameSchema,
    exact: z.boolean(),
  }),
  z.object({ type: z.literal('error'), id: z.int(), message: z.string() }),
]);
export type CountReply = z.infer<typeof countReplySchema>;
