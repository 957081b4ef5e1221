/**
 * The extension's IndexedDB mirror of the daemon (Dexie). The background worker is its only writer; the popup
 * and the options page read it. Open it with `openMirror()` (tests: `testMirror()` from `./test-mirror`).
 *
 * Tables (schema versions are only ever added, never edited):
 * - `events`: every stored event (`StoredEvent` plus `ts_ms`, its time in epoch ms), keyed by `seq`, indexed by
 *   `ts_ms` only: each index slows the catch-up of a large history, and the rollups answer totals and breakdowns
 *   (filter a range's events by label in memory).
 * - `rollups`: one `HourRow` (shared/aggregate/hour-row) per UTC hour x model x provider x agent (full path) x
 *   project x source, keyed by `rollupKey(row)`, index `hour_start_ms`. Kept in the same transaction as
 *   `events`, so totals never scan events.
 * - `meta`: typed values, read with `xxxMeta.read(db)`:
 *   `lastSeqMeta` (highest seq mirrored), `mirrorOriginMeta` (origin of the daemon the mirror holds: a mirror
 *   is emptied by `adoptDaemon` before another daemon fills it), `budgetStatusMeta` ({ status, received_at }),
 *   `connectionMeta` (ConnectionState: online / connecting / offline / unauthorized / forbidden, daemon_url,
 *   since, message for people, settings_error), `budgetAlertsMeta` (budget levels already notified).
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
 * Writes (the worker): `mirrorEvents(db, events, after?)` stores a batch, its rollups and `last_seq` in one
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
  lastSeqMeta,
  mirrorOriginMeta,
  type StoredBudgetStatus,
} from './meta';
export {
  MIRROR_DB_NAME,
  type MirroredEvent,
  openMirror,
  type RollupRow,
  TokentallyMirror,
} from './mirror-db';
export { clearMirror, mirrorEvents, type MirrorWriteResult } from './mirror-events';
export { adoptDaemon, daemonOrigin } from './mirror-origin';
export { type BreakdownDimension, breakdown, dailySeries, spendToday, totalsForRange } from './queries';
export { allTimeRange, lastDaysRange, localTimeZone, todayRange } from './ranges';
export { type RangeSummaryQuery, summarizeRange, type TimeRange } from './summarize-range';
