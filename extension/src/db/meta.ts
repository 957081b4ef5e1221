import { z } from 'zod';
import { budgetStatusSchema } from '@tokentally/shared/api/budget';
import { budgetAlertStateSchema } from '@tokentally/shared/budget/crossings';
import { defineMetaEntry } from './meta-entry';

/** The highest seq mirrored; the stream is resumed after it. Written in the same transaction as the events. */
export const lastSeqMeta = defineMetaEntry('last_seq', z.int().min(0));

/** The newest mirrored event's seq and id: a cache derived from the mirror tells a refilled mirror by it. */
export const lastEventMeta = defineMetaEntry('last_event', z.object({ seq: z.int().min(1), id: z.string() }));

/** How many events the mirror holds, kept in the same transaction as the events. */
export const eventCountMeta = defineMetaEntry('event_count', z.int().min(0));

/** The meta keys that describe the mirrored events, forgotten whenever the events are. */
export const EVENT_META_KEYS = [lastSeqMeta.key, lastEventMeta.key, eventCountMeta.key];

/**
 * The origin (scheme, host and port) of the daemon whose events the mirror holds: seqs only mean something to the
 * daemon that gave them, so the mirror never mixes two daemons' events (see `adoptDaemon`).
 */
export const mirrorOriginMeta = defineMetaEntry('daemon_origin', z.string());

const storedBudgetStatusSchema = z.object({ status: budgetStatusSchema, received_at: z.number() });
export type StoredBudgetStatus = z.infer<typeof storedBudgetStatusSchema>;

/** The last budget status the daemon sent or answered, and when it arrived (epoch ms). */
export const budgetStatusMeta = defineMetaEntry('budget_status', storedBudgetStatusSchema);

/**
 * How the worker stands with the daemon: `connecting` (first attempt with new settings), `online` (streaming),
 * `offline` (unreachable), `unauthorized` (401: wrong or missing token) or `forbidden` (403: origin or host
 * refused), since when (epoch ms), and in words for the popup. `settings_error` says why the stored settings were
 * ignored for the defaults, or is null.
 */
export const connectionStateSchema = z.object({
  state: z.enum(['connecting', 'online', 'offline', 'unauthorized', 'forbidden']),
  daemon_url: z.string(),
  since: z.number(),
  message: z.string().nullable(),
  settings_error: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** The worker's connection state, kept for the popup (and for the badge's tooltip after a restart). */
export const connectionMeta = defineMetaEntry('connection', connectionStateSchema);

/** The budget levels already notified per budget and period, so a restarted worker does not notify again. */
export const budgetAlertsMeta = defineMetaEntry('budget_alerts', budgetAlertStateSchema);
