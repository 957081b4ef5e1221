import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openMirror, type MirroredEvent, type TokentallyMirror } from './mirror-db';

let opened = 0;

/** A fresh mirror in fake-indexeddb for tests; pass a name to reopen the same one (a restarted worker). */
export function testMirror(
  name = `mirror-test-${String((opened += 1))}-${String(Date.now())}`,
): TokentallyMirror {
  return openMirror(name, { indexedDB, IDBKeyRange });
}

/** Every event the mirror holds, in seq order (tests check what is stored, whichever chunk holds it). */
export async function mirroredEvents(db: TokentallyMirror): Promise<MirroredEvent[]> {
  const chunks = await db.event_chunks.toArray();
  return chunks.flatMap((chunk) => chunk.events).sort((a, b) => a.seq - b.seq);
}
