import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openMirror, type TokentallyMirror } from './mirror-db';

let opened = 0;

/** A fresh mirror in fake-indexeddb for tests; pass a name to reopen the same one (a restarted worker). */
export function testMirror(
  name = `mirror-test-${String((opened += 1))}-${String(Date.now())}`,
): TokentallyMirror {
  return openMirror(name, { indexedDB, IDBKeyRange });
}
