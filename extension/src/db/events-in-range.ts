import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { MirroredEvent, TokentallyMirror } from './mirror-db';
import type { TimeRange } from './summarize-range';

function toStored(event: MirroredEvent): StoredEvent {
  const { ts_ms: _tsMs, ...stored } = event;
  return stored;
}

/**
 * Calls `onChunk` with the mirrored events of a range in time order (then seq), `chunkSize` at a time, so an
 * export of a million events never holds them all; each chunk is read in its own short transaction.
 */
export async function forEachEventChunk(
  db: TokentallyMirror,
  range: TimeRange,
  onChunk: (events: StoredEvent[]) => void | Promise<void>,
  chunkSize = 2000,
): Promise<void> {
  const to = range.to ?? Number.POSITIVE_INFINITY;
  let fromTs = range.from ?? Number.NEGATIVE_INFINITY;
  let afterSeq = Number.NEGATIVE_INFINITY;
  for (;;) {
    // An index lists equal times by primary key, so (ts_ms, seq) orders the events and marks where a chunk ended.
    const startTs = fromTs;
    const startSeq = afterSeq;
    const chunk = await db.events
      .where('ts_ms')
      .between(startTs, to, true, false)
      .filter((event) => event.ts_ms > startTs || event.seq > startSeq)
      .limit(chunkSize)
      .toArray();
    const last = chunk.at(-1);
    if (last === undefined) return;
    await onChunk(chunk.map(toStored));
    if (chunk.length < chunkSize) return;
    fromTs = last.ts_ms;
    afterSeq = last.seq;
  }
}

/** The mirrored events of a range in time order (then seq), as the daemon stored them. */
export async function eventsInRange(db: TokentallyMirror, range: TimeRange): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  await forEachEventChunk(db, range, (chunk) => {
    events.push(...chunk);
  });
  return events;
}
