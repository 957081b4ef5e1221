import { z } from 'zod';

/** Asks the worker to empty the mirror and replay every event from the daemon (the options page's button). */
export const RESYNC_MESSAGE = { type: 'tokentally:resync' } as const;

/** The messages the worker answers through `browser.runtime.sendMessage`. */
export const workerMessageSchema = z.object({ type: z.literal(RESYNC_MESSAGE.type) });
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** The worker's answer to a message. */
export type WorkerReply = { ok: true } | { ok: false; error: string };
