import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { MirroredEvent, TokentallyMirror } from '../db/mirror-db';
import type { TimeRange } from '../db/summarize-range';

function toStored(event: MirroredEvent): StoredEvent {
  const { ts_ms: _tsMs, ...stored } = event;
  return stored;
}

const bySeq = (a: number, b: number): number => a - b;

/**
 * Calls `onChunk` with the mirrored events of a range (`from <= ts < to`) in seq order, as the daemon's export
 * lists them, `chunkSize` at a time. Only the seqs of the range are held at once (read from the time index);
 * the events themselves are read a chunk at a time.
 */
export async function forEachEventBySeq(
  db: TokentallyMirror,
  range: TimeRange,
  onChunk: (events: StoredEvent[]) => void | Promise<void>,
  chunkSize = 2000,
): Promise<void> {
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  if (from >= to) return;
  const seqs = await db.events.where('ts_ms').between(from, to, true, false).primaryKeys();
  seqs.sort(bySeq);
  for (let start = 0; start < seqs.length; start += chunkSize) {
    const events = await db.events.bulkGet(seqs.slice(start, start + chunkSize));
    await onChunk(events.filter((event) => event !== undefined).map(toStored));
  }
}
