import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { chunkKeysInRange, hourEventsInRange, hoursOf, toStored } from './event-chunks';
import type { TokentallyMirror } from './mirror-db';
import type { TimeRange } from './summarize-range';

/**
 * Calls `onChunk` with the mirrored events of a range in time order (then seq), `chunkSize` at a time, so an
 * export of a million events never holds them all: the hours holding events are listed by key alone, then read
 * one at a time, each in its own short transaction.
 */
export async function forEachEventChunk(
  db: TokentallyMirror,
  range: TimeRange,
  onChunk: (events: StoredEvent[]) => void | Promise<void>,
  chunkSize = 2000,
): Promise<void> {
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  let pending: StoredEvent[] = [];
  for (const hour of hoursOf(await chunkKeysInRange(db, from, to))) {
    for (const event of await hourEventsInRange(db, hour, from, to)) pending.push(toStored(event));
    let start = 0;
    for (; pending.length - start >= chunkSize; start += chunkSize) {
      await onChunk(pending.slice(start, start + chunkSize));
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) await onChunk(pending);
}

/** The mirrored events of a range in time order (then seq), as the daemon stored them. */
export async function eventsInRange(db: TokentallyMirror, range: TimeRange): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  await forEachEventChunk(db, range, (chunk) => {
    for (const event of chunk) events.push(event);
  });
  return events;
}
