import { mergeAggregates } from '@tokentally/shared/aggregate/aggregate';
import { type HourRow, hourRowOf } from '@tokentally/shared/aggregate/hour-row';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { lastSeqMeta } from './meta';
import type { MirroredEvent, RollupRow, TokentallyMirror } from './mirror-db';
import { rollupKey } from './rollup-key';

/** What one write did: events stored, events skipped (already mirrored or repeated), and the highest seq now. */
export interface MirrorWriteResult {
  stored: number;
  skipped: number;
  last_seq: number;
}

/** The events to store: those after `lastSeq`, in seq order, each seq once. */
export function freshEvents(events: readonly StoredEvent[], lastSeq: number): StoredEvent[] {
  const sorted = events.filter((event) => event.seq > lastSeq).sort((a, b) => a.seq - b.seq);
  return sorted.filter((event, index) => index === 0 || sorted[index - 1]?.seq !== event.seq);
}

function toMirrored(event: StoredEvent): MirroredEvent {
  return { ...event, ts_ms: Date.parse(event.ts) };
}

function mergeRow(existing: RollupRow, added: HourRow): RollupRow {
  return { ...existing, ...mergeAggregates(existing, added) };
}

// The rows already stored for these hours. One index read per hour rather than one get per row: a catch-up batch
// spans a few hours but may touch thousands of rows, and each IndexedDB request costs far more than its bytes.
async function storedRollups(db: TokentallyMirror, hours: Iterable<number>): Promise<Map<string, RollupRow>> {
  const perHour = await Promise.all(
    Array.from(hours, (hour) => db.rollups.where('hour_start_ms').equals(hour).toArray()),
  );
  return new Map(perHour.flat().map((row) => [row.key, row]));
}

/** The batch's events summed per rollup row (not yet merged with what is stored). */
function rollupsOf(events: readonly StoredEvent[]): RollupRow[] {
  const batch = new Map<string, RollupRow>();
  for (const event of events) {
    const row = hourRowOf(event);
    const key = rollupKey(row);
    const known = batch.get(key);
    batch.set(key, known === undefined ? { ...row, key } : mergeRow(known, row));
  }
  return [...batch.values()];
}

// Merges the batch's rows into the stored ones; the reads are made before this function first awaits.
async function foldIntoRollups(db: TokentallyMirror, added: readonly RollupRow[]): Promise<void> {
  const stored = await storedRollups(db, new Set(added.map((row) => row.hour_start_ms)));
  await db.rollups.bulkPut(
    added.map((row) => {
      const existing = stored.get(row.key);
      return existing === undefined ? row : mergeRow(existing, row);
    }),
  );
}

async function expectLastSeq(db: TokentallyMirror, expected: number): Promise<void> {
  const stored = (await lastSeqMeta.read(db)) ?? 0;
  if (stored !== expected) {
    throw new Error(
      `the mirror's last seq is ${String(stored)}, not ${String(expected)}: the batch would leave a gap or repeat events`,
    );
  }
}

/**
 * Mirrors a batch of stored events: in one transaction, stores those with a seq above the last mirrored one,
 * folds them into the hour rollups and advances `last_seq`, so a replay or a repeated message never counts twice
 * and a failure leaves nothing half written. Seqs may skip numbers (the daemon's rolled-back transactions).
 *
 * `after` is the last seq the caller expects the mirror to hold, e.g. where the stream resumed or where the
 * previous batch ended. The write then starts without waiting to read it, so it can queue behind a write still in
 * flight, and it fails, writing nothing, if the mirror holds another last seq (an earlier batch failed: writing
 * this one would leave a gap).
 */
export async function mirrorEvents(
  db: TokentallyMirror,
  events: readonly StoredEvent[],
  after?: number,
): Promise<MirrorWriteResult> {
  return db.transaction('rw', db.events, db.rollups, db.meta, async () => {
    const lastSeq = after ?? (await lastSeqMeta.read(db)) ?? 0;
    const fresh = freshEvents(events, lastSeq);
    const newest = fresh.at(-1);
    if (newest === undefined) return { stored: 0, skipped: events.length, last_seq: lastSeq };
    const rows = rollupsOf(fresh);
    // Requests run in the order they are made. The rollup reads go first, so their answers arrive while the
    // database still stores the events, and the merged rows queue behind them: worker and database work at once.
    await Promise.all([
      after === undefined ? undefined : expectLastSeq(db, after),
      foldIntoRollups(db, rows),
      db.events.bulkAdd(fresh.map(toMirrored)),
      lastSeqMeta.write(db, newest.seq),
    ]);
    return { stored: fresh.length, skipped: events.length - fresh.length, last_seq: newest.seq };
  });
}

/**
 * Empties the mirror of events and rollups and forgets `last_seq`, so the next stream replays everything from
 * seq 0. Budget alerts already shown and the connection state are kept: clearing must not notify again.
 */
export async function clearMirror(db: TokentallyMirror): Promise<void> {
  await db.transaction('rw', db.events, db.rollups, db.meta, async () => {
    await Promise.all([db.events.clear(), db.rollups.clear(), db.meta.delete(lastSeqMeta.key)]);
  });
}
