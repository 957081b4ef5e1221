import { z } from 'zod';
import { storedEventSchema } from '../schema/stored-event';
import { budgetStatusSchema } from './budget';

/** The answer of `POST /v1/events` (and the body of a WebSocket ack, less `type`/`ref`). */
export const ingestResultSchema = z.object({
  accepted: z.int().min(0),
  duplicates: z.int().min(0),
  first_seq: z.int().nullable(),
  last_seq: z.int().nullable(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** The answer of `GET /v1/events`. */
export const eventPageSchema = z.object({
  events: z.array(storedEventSchema),
  next_after: z.int().min(0),
});
export type EventPage = z.infer<typeof eventPageSchema>;

/** The error body every endpoint sends with a 4xx or 5xx. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(z.object({ index: z.int().nullable(), path: z.string(), message: z.string() }))
      .optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Messages the daemon sends on `/v1/stream`. */
export const streamServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: storedEventSchema }),
  z.object({ type: z.literal('budget'), status: budgetStatusSchema }),
  z.object({
    type: z.literal('ack'),
    ref: z.union([z.string(), z.number()]).nullable(),
    accepted: z.int(),
    duplicates: z.int(),
    last_seq: z.int().nullable(),
  }),
  z.object({
    type: z.literal('error'),
    ref: z.union([z.string(), z.number()]).nullable(),
    error: apiErrorSchema.shape.error,
  }),
]);
export type StreamServerMessage = z.infer<typeof streamServerMessageSchema>;

/** Messages a client may send on `/v1/stream`. */
export const streamClientMessageSchema = z.strictObject({
  type: z.literal('events'),
  events: z.array(z.unknown()),
  ref: z.union([z.string().max(128), z.number()]).optional(),
});
export type StreamClientMessage = z.infer<typeof streamClientMessageSchema>;
