import { describe, expect, it } from 'vitest';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { budgetAlertsMeta, budgetStatusMeta, connectionMeta, lastSeqMeta, mirrorOriginMeta } from './meta';
import { mirrorEvents } from './mirror-events';
import { adoptDaemon, daemonOrigin } from './mirror-origin';
import { testMirror } from './test-mirror';

const event = (seq: number) => fakeStoredEvent({ seq, id: `evt-${String(seq)}` });
const connection = {
  state: 'online' as const,
  daemon_url: 'http://127.0.0.1:4747',
  since: 0,
  message: null,
  settings_error: null,
};

async function filledMirror(origin: string | undefined) {
  const db = testMirror();
  await mirrorEvents(db, [event(1), event(2)]);
  await budgetStatusMeta.write(db, { status: { status: 'ok', budgets: [] }, received_at: 0 });
  await budgetAlertsMeta.write(db, { daily: { level: 'warning', period_start: null, limit_usd: 5 } });
  await connectionMeta.write(db, connection);
  if (origin !== undefined) await mirrorOriginMeta.write(db, origin);
  return db;
}

describe('adoptDaemon', () => {
  it('empties a mirror filled from another daemon, with its budget status and alerts', async () => {
    const db = await filledMirror('http://127.0.0.1:4747');
    const cleared = await adoptDaemon(db, 'http://127.0.0.1:4848');
    expect([
      cleared,
      await db.event_chunks.count(),
      await db.rollup_hours.count(),
      await lastSeqMeta.read(db),
      await budgetStatusMeta.read(db),
      await budgetAlertsMeta.read(db),
      await mirrorOriginMeta.read(db),
      (await connectionMeta.read(db))?.state,
    ]).toEqual([true, 0, 0, undefined, undefined, undefined, 'http://127.0.0.1:4848', 'online']);
  });

  it('keeps the mirror of the same daemon', async () => {
    const db = await filledMirror('http://127.0.0.1:4747');
    expect([await adoptDaemon(db, 'http://127.0.0.1:4747'), await lastSeqMeta.read(db)]).toEqual([false, 2]);
  });

  it('keeps a mirror of no recorded daemon (an older version filled it) as this daemon’s', async () => {
    const db = await filledMirror(undefined);
    expect([
      await adoptDaemon(db, 'http://127.0.0.1:4747'),
      await lastSeqMeta.read(db),
      await mirrorOriginMeta.read(db),
    ]).toEqual([false, 2, 'http://127.0.0.1:4747']);
  });
});

describe('daemonOrigin', () => {
  it('names one daemon whatever path, trailing slash or default port is typed', () => {
    expect(
      [
        'http://127.0.0.1:4747/',
        'http://127.0.0.1:4747/tokentally',
        'HTTP://LOCALHOST:80',
        'http://[::1]:4747',
      ].map(daemonOrigin),
    ).toEqual(['http://127.0.0.1:4747', 'http://127.0.0.1:4747', 'http://localhost', 'http://[::1]:4747']);
  });
});
