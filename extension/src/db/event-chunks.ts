import { utcHourCeil, utcHourStart } from '@tokentally/shared/aggregate/hour-row';
import { HOUR_MS } from '@tokentally/shared/aggregate/time-bucket';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { ChunkKey, EventChunk, MirroredEvent, TokentallyMirror } from './mirror-db';

/** The event without the mirror's own field (`ts_ms`), as the daemon stored it. */
export function toStored(event: MirroredEvent): StoredEvent {
  const { ts_ms: _tsMs, ...stored } = event;
  return stored;
}

/** Whether an event falls in `from <= ts < to`. */
export function inTimeRange(event: MirroredEvent, from: number, to: number): boolean {
  return event.ts_ms >= from && event.ts_ms < to;
}

/** Orders events by time, then seq. */
export function byTimeThenSeq(a: MirroredEvent, b: MirroredEvent): number {
  return a.ts_ms - b.ts_ms || a.seq - b.seq;
}

// Every first seq is at least 1, so [hour, -Infinity] sorts before each chunk of that hour; ±Infinity are valid
// IndexedDB keys, so an open range needs no special case.
const hourBound = (hour: number): ChunkKey => [hour, Number.NEGATIVE_INFINITY];

/** The chunks of the UTC hours starting in `fromHour <= hour < toHour`, in key order (hour, then first seq). */
export function chunksOfHours(db: TokentallyMirror, fromHour: number, toHour: number) {
  return db.event_chunks.where(':id').between(hourBound(fromHour), hourBound(toHour), true, false);
}

/** The keys of the chunks that may hold events of `from <= ts < to`, by hour then first seq (no event is read). */
export async function chunkKeysInRange(db: TokentallyMirror, from: number, to: number): Promise<ChunkKey[]> {
  if (from >= to) return [];
  return chunksOfHours(db, utcHourStart(from), utcHourCeil(to)).primaryKeys();
}

/** The distinct hours of chunk keys, in the keys' order. */
export function hoursOf(keys: readonly ChunkKey[]): number[] {
  const hours: number[] = [];
  for (const [hour] of keys) if (hours.at(-1) !== hour) hours.push(hour);
  return hours;
}

/** The events of one UTC hour that fall in `from <= ts < to`, in time order, then seq. */
export async function hourEventsInRange(
  db: TokentallyMirror,
  hour: number,
  from: number,
  to: number,
): Promise<MirroredEvent[]> {
  const chunks = await chunksOfHours(db, hour, hour + HOUR_MS).toArray();
  return eventsOfChunks(chunks, from, to).sort(byTimeThenSeq);
}

/** The events of chunks that fall in `from <= ts < to`, in no particular order. */
export function eventsOfChunks(chunks: readonly EventChunk[], from: number, to: number): MirroredEvent[] {
  const events: MirroredEvent[] = [];
  for (const chunk of chunks)
    for (const event of chunk.events) if (inTimeRange(event, from, to)) events.push(event);
  return events;
}

/** The mirrored events of `from <= ts < to` in no particular order (for sums), read in one request. */
export async function eventsBetween(
  db: TokentallyMirror,
  from: number,
  to: number,
): Promise<MirroredEvent[]> {
  if (from >= to) return [];
  return eventsOfChunks(await chunksOfHours(db, utcHourStart(from), utcHourCeil(to)).toArray(), from, to);
}

/** The first and last event times in `from <= ts < to` (epoch ms), or undefined when the range holds none. */
export async function eventTimeBounds(
  db: TokentallyMirror,
  from: number,
  to: number,
): Promise<{ first: number; last: number } | undefined> {
  const hours = hoursOf(await chunkKeysInRange(db, from, to));
  // Only the hours at either end are read, unless `from` or `to` cuts one holding nothing in range.
  let first: MirroredEvent | undefined;
  for (const hour of hours) {
    first = (await hourEventsInRange(db, hour, from, to))[0];
    if (first !== undefined) break;
  }
  let last: MirroredEvent | undefined;
  for (const hour of [...hours].reverse()) {
    last = (await hourEventsInRange(db, hour, from, to)).at(-1);
    if (last !== undefined) break;
  }
  return first === undefined || last === undefined ? undefined : { first: first.ts_ms, last: last.ts_ms };
}
