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

function mergeRow(existing: HourRow, added: HourRow): RollupRow {
  return { ...existing, ...mergeAggregates(existing, added), key: rollupKey(existing) };
}

async function foldIntoRollups(db: TokentallyMirror, events: readonly StoredEvent[]): Promise<void> {
  const batch = new Map<string, HourRow>();
  for (const event of events) {
    const row = hourRowOf(event);
    const key = rollupKey(row);
    const known = batch.get(key);
    batch.set(key, known === undefined ? row : mergeRow(known, row));
  }
  const keys = [...batch.keys()];
  const stored = await db.rollups.bulkGet(keys);
  const rows = keys.flatMap((key, index): RollupRow[] => {
    const added = batch.get(key);
    if (added === undefined) return [];
    const existing = stored[index];
    return [existing === undefined ? { ...added, key } : mergeRow(existing, added)];
  });
  await db.rollups.bulkPut(rows);
}

/**
 * Mirrors a batch of stored events: in one transaction, stores those with a seq above the last mirrored one,
 * folds them into the hour rollups and advances `last_seq`, so a replay or a repeated message never counts twice
 * and a failure leaves nothing half written. Seqs may skip numbers (the daemon's rolled-back transactions).
 */
export async function mirrorEvents(
  db: TokentallyMirror,
  events: readonly StoredEvent[],
): Promise<MirrorWriteResult> {
  return db.transaction('rw', db.events, db.rollups, db.meta, async () => {
    const lastSeq = (await lastSeqMeta.read(db)) ?? 0;
    const fresh = freshEvents(events, lastSeq);
    const newest = fresh.at(-1);
    if (newest === undefined) return { stored: 0, skipped: events.length, last_seq: lastSeq };
    await db.events.bulkAdd(fresh.map(toMirrored));
    await foldIntoRollups(db, fresh);
    await lastSeqMeta.write(db, newest.seq);
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
