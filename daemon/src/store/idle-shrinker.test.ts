import { describe, expect, it } from 'vitest';
import { createIdleShrinker } from './idle-shrinker';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function recordingDb(): { open: boolean; pragma: (source: string) => unknown; calls: string[] } {
  const calls: string[] = [];
  return {
    open: true,
    calls,
    pragma(source: string) {
      calls.push(source);
      return [];
    },
  };
}

// A shrinker over a recording database whose `release` is recorded among the pragmas.
function releasingShrinker(timing: { idleMs: number; releaseAgainMs?: number }) {
  const db = recordingDb();
  const shrinker = createIdleShrinker(db, {
    ...timing,
    now: () => performance.now(),
    release: () => db.calls.push('release'),
  });
  return { db, shrinker };
}

describe('idle shrinker', () => {
  it('frees the page cache once the writes have been quiet for the idle time', async () => {
    const db = recordingDb();
    const shrinker = createIdleShrinker(db, { idleMs: 30, now: () => performance.now() });
    shrinker.touch();
    expect(db.calls).toEqual([]);
    await sleep(80);
    expect(db.calls).toEqual(['shrink_memory']);
    shrinker.close();
  });

  it('frees what else the process holds after SQLite, when given how, and again later in the same spell', async () => {
    const { db, shrinker } = releasingShrinker({ idleMs: 20, releaseAgainMs: 100 });
    shrinker.touch();
    await sleep(70);
    expect(db.calls).toEqual(['shrink_memory', 'release']);
    await sleep(100);
    expect(db.calls).toEqual(['shrink_memory', 'release', 'release']);
    shrinker.close();
  });

  it('skips the second release when writes resumed in between', async () => {
    const { db, shrinker } = releasingShrinker({ idleMs: 30, releaseAgainMs: 60 });
    shrinker.touch();
    await sleep(80);
    expect(db.calls).toEqual(['shrink_memory', 'release']);
    // Writes again, past the moment of the second release: it must not run while the daemon is busy.
    for (let i = 0; i < 8; i += 1) {
      shrinker.touch();
      await sleep(10);
    }
    expect(db.calls).toEqual(['shrink_memory', 'release']);
    shrinker.close();
  });

  it('frees only the page cache when asked at once, leaving the rest for the idle spell', () => {
    const { db, shrinker } = releasingShrinker({ idleMs: 1000 });
    shrinker.freeCache();
    expect(db.calls).toEqual(['shrink_memory']);
    shrinker.close();
  });

  it('waits while writes keep coming, and shrinks once per quiet spell', async () => {
    const db = recordingDb();
    const shrinker = createIdleShrinker(db, { idleMs: 40, now: () => performance.now() });
    for (let i = 0; i < 5; i += 1) {
      shrinker.touch();
      await sleep(15);
    }
    expect(db.calls).toEqual([]);
    await sleep(120);
    expect(db.calls).toEqual(['shrink_memory']);
    shrinker.close();
  });

  it('does nothing after it is closed or once the database is closed', async () => {
    const closedDb = { ...recordingDb(), open: false };
    const open = recordingDb();
    createIdleShrinker(closedDb, { idleMs: 10, now: () => performance.now() }).freeCache();
    const shrinker = createIdleShrinker(open, { idleMs: 10, now: () => performance.now() });
    shrinker.touch();
    shrinker.close();
    await sleep(50);
    expect(closedDb.calls).toEqual([]);
    expect(open.calls).toEqual([]);
  });
});
