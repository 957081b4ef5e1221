import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { chunkKeysInRange, inTimeRange, toStored } from '../db/event-chunks';
import { fixedSizeBatches } from '../db/fixed-size-batches';
import type { ChunkKey, MirroredEvent, TokentallyMirror } from '../db/mirror-db';
import type { TimeRange } from '../db/summarize-range';

/** Chunks read per request while exporting. */
const CHUNKS_PER_READ = 16;

const byFirstSeq = (a: ChunkKey, b: ChunkKey): number => a[1] - b[1];
const bySeq = (a: MirroredEvent, b: MirroredEvent): number => a.seq - b.seq;

/**
 * Calls `onChunk` with the mirrored events of a range (`from <= ts < to`) in seq order, as the daemon's export
 * lists them, `chunkSize` at a time. The range's chunks are listed by key alone and read in order of their first
 * seq; as no chunk still unread holds a seq below its first one, the events read below the next chunk's first
 * seq are final. So only the keys and the chunks overlapping in seq (those of one batch) are held at once.
 */
export async function forEachEventBySeq(
  db: TokentallyMirror,
  range: TimeRange,
  onChunk: (events: StoredEvent[]) => void | Promise<void>,
  chunkSize = 2000,
): Promise<void> {
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  const keys = (await chunkKeysInRange(db, from, to)).sort(byFirstSeq);
  let held: MirroredEvent[] = [];
  const batches = fixedSizeBatches(chunkSize, onChunk);
  for (let start = 0; start < keys.length; start += CHUNKS_PER_READ) {
    const chunks = await db.event_chunks.bulkGet(keys.slice(start, start + CHUNKS_PER_READ));
    for (const chunk of chunks) {
      for (const event of chunk?.events ?? []) if (inTimeRange(event, from, to)) held.push(event);
    }
    held.sort(bySeq);
    const nextFirstSeq = keys[start + CHUNKS_PER_READ]?.[1] ?? Number.POSITIVE_INFINITY;
    const cut = held.findIndex((event) => event.seq >= nextFirstSeq);
    const final = cut === -1 ? held.length : cut;
    await batches.add(held.slice(0, final).map(toStored));
    held = held.slice(final);
  }
  await batches.end();
}
