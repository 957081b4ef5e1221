import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { chunkKeysInRange, hourEventsInRange, hoursOf, toStored } from './event-chunks';
import { fixedSizeBatches } from './fixed-size-batches';
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
  const batches = fixedSizeBatches(chunkSize, onChunk);
  for (const hour of hoursOf(await chunkKeysInRange(db, from, to))) {
    await batches.add((await hourEventsInRange(db, hour, from, to)).map(toStored));
  }
  await batches.end();
}

/** The mirrored events of a range in time order (then seq), as the daemon stored them. */
export async function eventsInRange(db: TokentallyMirror, range: TimeRange): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  await forEachEventChunk(db, range, (chunk) => {
    for (const event of chunk) events.push(event);
  });
  return events;
}
