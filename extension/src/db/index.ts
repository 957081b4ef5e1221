/**
 * The extension's IndexedDB mirror of the daemon (Dexie). The background worker is its only writer; the popup
 * and the options page read it. Open it with `openMirror()` (tests: `testMirror()` from `./test-mirror`).
 *
 * Tables (schema versions are only ever added, never edited; version 2's upgrade dropped version 1's `events` and
 * `rollups` and forgot `last_seq`, so the worker refilled the mirror from the daemon). Chromium spends about the
 * same CPU on an IndexedDB record whatever its size, so events and rollups are kept in few, large records:
 * - `event_chunks`: the events (`StoredEvent` plus `ts_ms`, its time in epoch ms) of one UTC hour written by one
 *   batch, in seq order, keyed by `[hour_start_ms+first_seq]`, with `last_seq` and `count`, indexed by
 *   `last_seq` (the events after a seq). A small batch appends to its hour's newest chunk while that holds fewer
 *   than `APPEND_LIMIT` events, so live events one at a time do not make a record each.
 * - `rollup_hours`: one record per UTC hour, keyed by `hour_start_ms`: its `HourRow`s (shared/aggregate/hour-row),
 *   one per model x provider x agent (full path) x project x source, and `newest_chunk` (first seq and count of
 *   the hour's newest chunk). Kept in the same transaction as the chunks, so totals never scan events.
 * - `meta`: typed values, read with `xxxMeta.read(db)`:
 *   `lastSeqMeta` (highest seq mirrored), `lastEventMeta` ({ seq, id } of the newest event: caches derived from
 *   the mirror tell a refilled one by it), `eventCountMeta` (events held), all three written with the events;
 *   `mirrorOriginMeta` (origin of the daemon the mirror holds: a mirror is emptied by `adoptDaemon` before
 *   another daemon fills it), `budgetStatusMeta` ({ status, received_at }), `connectionMeta` (ConnectionState:
 *   online / connecting / offline / unauthorized / forbidden, daemon_url, since, message for people,
 *   settings_error), `budgetAlertsMeta` (budget levels already notified).
 *
 * Queries (ranges are epoch ms, `from <= ts < to`, either bound may be left open):
 * - `totalsForRange(db, range)` → SummaryMetrics (requests, tokens, cost_usd, unpriced_requests, ...).
 * - `breakdown(db, 'model' | 'provider' | 'agent' | 'project' | 'source', range)` → SummaryGroup[], most
 *   expensive first, agents rolled up to their top level, missing labels as `(none)`.
 * - `dailySeries(db, { from, to }, tz)` → one SummaryGroup per local day, zero-filled, oldest first.
 * - `summarizeRange(db, { from, to, group_by, tz })` → the full Summary, like `GET /v1/summary`.
 * - `spendToday(db, now, tz)` → USD; `todayRange`, `lastDaysRange(now, tz, 7 | 30)`, `allTimeRange()`,
 *   `localTimeZone()`.
 * - `eventsInRange(db, range)` → StoredEvent[] in time order; `forEachEventChunk(db, range, onChunk, size)` for
 *   exports too big to hold at once (feed chunks to shared/export).
 *
 * Writes (the worker): `mirrorEvents(db, events, after?)` stores a batch, its rollups and the event meta in one
 * transaction; given `after`, the seq the mirror should end at, it queues without reading it first and fails,
 * writing nothing, when the mirror ends elsewhere.
 *
 * Live updates: wrap any query in Dexie's `liveQuery(() => totalsForRange(db, range))`; it re-runs when the
 * worker writes. The worker empties the mirror and replays on the `RESYNC_MESSAGE` runtime message, and when the
 * daemon URL's origin changes.
 */
export { eventsInRange, forEachEventChunk } from './events-in-range';
export {
  budgetAlertsMeta,
  budgetStatusMeta,
  type ConnectionState,
  connectionMeta,
  connectionStateSchema,
  eventCountMeta,
  lastEventMeta,
  lastSeqMeta,
  mirrorOriginMeta,
  type StoredBudgetStatus,
} from './meta';
export {
  type EventChunk,
  MIRROR_DB_NAME,
  type MirroredEvent,
  openMirror,
  type RollupHour,
  TokentallyMirror,
} from './mirror-db';
export { clearMirror, mirrorEvents, type MirrorWriteResult } from './mirror-events';
export { adoptDaemon, daemonOrigin } from './mirror-origin';
export { type BreakdownDimension, breakdown, dailySeries, spendToday, totalsForRange } from './queries';
export { allTimeRange, lastDaysRange, localTimeZone, todayRange } from './ranges';
export { type RangeSummaryQuery, summarizeRange, type TimeRange } from './summarize-range';
