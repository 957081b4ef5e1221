import { utcHourStart } from '@tokentally/shared/aggregate/hour-row';
import type { ChunkKey, EventChunk, MirroredEvent, NewestChunk, TokentallyMirror } from './mirror-db';

/**
 * A write appends to its hour's newest chunk while that holds fewer events than this: live events arrive one at
 * a time, and a record each would cost as much as a chunk each. Beyond it a new chunk starts, so rewriting a
 * chunk to append to it stays cheap.
 */
export const APPEND_LIMIT = 500;

/** Events to add to a stored chunk. */
export interface ChunkAppend {
  key: ChunkKey;
  events: MirroredEvent[];
}

/** Events (in seq order) grouped by UTC hour, each group still in seq order. */
export function eventsByHour(events: readonly MirroredEvent[]): Map<number, MirroredEvent[]> {
  const hours = new Map<number, MirroredEvent[]>();
  for (const event of events) {
    const hour = utcHourStart(event.ts_ms);
    const known = hours.get(hour);
    if (known === undefined) hours.set(hour, [event]);
    else known.push(event);
  }
  return hours;
}

function chunkOf(hour: number, firstSeq: number, events: MirroredEvent[]): EventChunk {
  const lastSeq = events.at(-1)?.seq ?? firstSeq;
  return { hour_start_ms: hour, first_seq: firstSeq, last_seq: lastSeq, count: events.length, events };
}

/** A new chunk of one hour's events (non-empty, in seq order). */
export function newChunk(hour: number, events: MirroredEvent[]): EventChunk {
  return chunkOf(hour, events[0]?.seq ?? 0, events);
}

/** Whether a write should append to the hour's newest chunk rather than start one. */
export function appendsTo(newest: NewestChunk | undefined): newest is NewestChunk {
  return newest !== undefined && newest.count < APPEND_LIMIT;
}

/** Reads the chunks appended to and puts them back with their new events (inside the caller's transaction). */
export async function appendToChunks(db: TokentallyMirror, appends: readonly ChunkAppend[]): Promise<void> {
  if (appends.length === 0) return;
  const chunks = await db.event_chunks.bulkGet(appends.map((append) => append.key));
  await db.event_chunks.bulkPut(
    appends.map(({ key, events }, index) => {
      // The hour record naming a chunk is written in the chunk's transaction, so it is there; were it lost, the
      // new events are still stored rather than every retry of the batch failing.
      const stored = chunks[index]?.events ?? [];
      return chunkOf(key[0], key[1], stored.concat(events));
    }),
  );
}
