import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { type ChunkAppend, appendsTo, appendToChunks, eventsByHour, newChunk } from './chunk-writes';
import { EVENT_META_KEYS, eventCountMeta, lastEventMeta, lastSeqMeta } from './meta';
import type { EventChunk, MirroredEvent, RollupHour, TokentallyMirror } from './mirror-db';
import { foldIntoRows, readRollupHours } from './rollup-hours';

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

async function expectLastSeq(db: TokentallyMirror, expected: number): Promise<void> {
  const stored = (await lastSeqMeta.read(db)) ?? 0;
  if (stored !== expected) {
    throw new Error(
      `the mirror's last seq is ${String(stored)}, not ${String(expected)}: the batch would leave a gap or repeat events`,
    );
  }
}

/** The records a batch writes: new chunks, appends to chunks, and its hours' records with their rows merged. */
interface BatchWrites {
  created: EventChunk[];
  appends: ChunkAppend[];
  hours: RollupHour[];
}

function batchWrites(byHour: Map<number, MirroredEvent[]>, stored: Map<number, RollupHour>): BatchWrites {
  const writes: BatchWrites = { created: [], appends: [], hours: [] };
  for (const [hour, events] of byHour) {
    const known = stored.get(hour);
    const newest = known?.newest_chunk;
    const rows = foldIntoRows(known?.rows ?? [], events);
    if (appendsTo(newest)) {
      writes.appends.push({ key: [hour, newest.first_seq], events });
      const grown = { first_seq: newest.first_seq, count: newest.count + events.length };
      writes.hours.push({ hour_start_ms: hour, rows, newest_chunk: grown });
    } else {
      const chunk = newChunk(hour, events);
      writes.created.push(chunk);
      const started = { first_seq: chunk.first_seq, count: chunk.count };
      writes.hours.push({ hour_start_ms: hour, rows, newest_chunk: started });
    }
  }
  return writes;
}

/**
 * Mirrors a batch of stored events: in one transaction, stores those with a seq above the last mirrored one (in
 * chunks per UTC hour), folds them into the hour rollups and advances `last_seq`, `last_event` and
 * `event_count`, so a replay or a repeated message never counts twice and a failure leaves nothing half written.
 * Seqs may skip numbers (the daemon's rolled-back transactions).
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
  return db.transaction('rw', db.event_chunks, db.rollup_hours, db.meta, async () => {
    const lastSeq = after ?? (await lastSeqMeta.read(db)) ?? 0;
    const fresh = freshEvents(events, lastSeq);
    const newest = fresh.at(-1);
    if (newest === undefined) return { stored: 0, skipped: events.length, last_seq: lastSeq };
    const byHour = eventsByHour(fresh.map(toMirrored));
    // Every record written depends on the hours' stored records, so those are read first, in as few requests
    // as possible: Chromium's cost is per IndexedDB request and record far more than per byte.
    const [, stored, count] = await Promise.all([
      after === undefined ? undefined : expectLastSeq(db, after),
      readRollupHours(db, [...byHour.keys()]),
      eventCountMeta.read(db),
    ]);
    const writes = batchWrites(byHour, stored);
    await Promise.all([
      appendToChunks(db, writes.appends),
      db.event_chunks.bulkAdd(writes.created),
      db.rollup_hours.bulkPut(writes.hours),
      lastSeqMeta.write(db, newest.seq),
      lastEventMeta.write(db, { seq: newest.seq, id: newest.id }),
      eventCountMeta.write(db, (count ?? 0) + fresh.length),
    ]);
    return { stored: fresh.length, skipped: events.length - fresh.length, last_seq: newest.seq };
  });
}

/**
 * Empties the mirror of events and rollups and forgets `last_seq` (with the last event and the count), so the
 * next stream replays everything from seq 0. Budget alerts already shown and the connection state are kept:
 * clearing must not notify again.
 */
export async function clearMirror(db: TokentallyMirror): Promise<void> {
  await db.transaction('rw', db.event_chunks, db.rollup_hours, db.meta, async () => {
    await Promise.all([
      db.event_chunks.clear(),
      db.rollup_hours.clear(),
      db.meta.bulkDelete(EVENT_META_KEYS),
    ]);
  });
}
