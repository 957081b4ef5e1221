import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { eventCountMeta, lastEventMeta, lastSeqMeta, mirrorOriginMeta } from './meta';
import { mirrorEvents } from './mirror-events';
import { mirroredEvents, testMirror } from './test-mirror';

// A mirror as version 1 of the extension left it: events and rollups a record each, and its meta.
async function version1Mirror(name: string): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores({ events: 'seq, ts_ms', rollups: 'key, hour_start_ms', meta: 'key' });
  await old.table('events').bulkAdd([
    { ...fakeStoredEvent({ seq: 1 }), ts_ms: 0 },
    { ...fakeStoredEvent({ seq: 2, id: 'evt-2' }), ts_ms: 0 },
  ]);
  await old.table('rollups').add({ key: 'a', hour_start_ms: 0 });
  await old.table('meta').bulkPut([
    { key: 'last_seq', value: 2 },
    { key: 'daemon_origin', value: 'http://127.0.0.1:4747' },
  ]);
  old.close();
}

describe('TokentallyMirror', () => {
  it('drops version 1’s events and rollups and forgets last_seq when upgraded, keeping the daemon’s origin', async () => {
    const name = `mirror-upgrade-${String(Date.now())}`;
    await version1Mirror(name);
    const db = testMirror(name);
    await db.open();
    expect([
      Array.from(db.backendDB().objectStoreNames).sort(),
      await db.event_chunks.count(),
      await db.rollup_hours.count(),
      await lastSeqMeta.read(db),
      await eventCountMeta.read(db),
      await mirrorOriginMeta.read(db),
    ]).toEqual([
      ['event_chunks', 'meta', 'rollup_hours'],
      0,
      0,
      undefined,
      undefined,
      'http://127.0.0.1:4747',
    ]);
  });

  it('refills an upgraded mirror from seq 0', async () => {
    const name = `mirror-refill-${String(Date.now())}`;
    await version1Mirror(name);
    const db = testMirror(name);
    await mirrorEvents(db, [fakeStoredEvent({ seq: 1 }), fakeStoredEvent({ seq: 2, id: 'evt-2' })]);
    expect([(await mirroredEvents(db)).map((event) => event.seq), await lastEventMeta.read(db)]).toEqual([
      [1, 2],
      { seq: 2, id: 'evt-2' },
    ]);
  });
});
