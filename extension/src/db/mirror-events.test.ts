import { describe, expect, it } from 'vitest';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { lastSeqMeta } from './meta';
import { clearMirror, mirrorEvents } from './mirror-events';
import { summarizeRange } from './summarize-range';
import { testMirror } from './test-mirror';

const event = (seq: number, overrides: Parameters<typeof fakeStoredEvent>[0] = {}) =>
  fakeStoredEvent({ seq, id: `evt-${String(seq)}`, ...overrides });

describe('mirrorEvents', () => {
  it('stores events and advances last_seq to the highest one', async () => {
    const db = testMirror();
    const result = await mirrorEvents(db, [event(1), event(2), event(3)]);
    expect(result).toEqual({ stored: 3, skipped: 0, last_seq: 3 });
    expect(await db.events.count()).toBe(3);
    expect(await lastSeqMeta.read(db)).toBe(3);
  });

  it('stores nothing twice when a replay repeats events already mirrored', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    const result = await mirrorEvents(db, [event(1), event(2), event(3)]);
    expect(result).toEqual({ stored: 1, skipped: 2, last_seq: 3 });
    expect((await db.events.toArray()).map((stored) => stored.seq)).toEqual([1, 2, 3]);
  });

  it('skips an event older than the last mirrored seq and a seq repeated within a batch', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(5)]);
    const result = await mirrorEvents(db, [event(7), event(4), event(7), event(6)]);
    expect(result).toEqual({ stored: 2, skipped: 2, last_seq: 7 });
    expect((await db.events.toArray()).map((stored) => stored.seq)).toEqual([5, 6, 7]);
  });

  it('accepts seqs that skip numbers (rolled-back transactions on the daemon)', async () => {
    const db = testMirror();
    const result = await mirrorEvents(db, [event(1), event(4), event(10)]);
    expect(result).toEqual({ stored: 3, skipped: 0, last_seq: 10 });
  });

  it('keeps hour rollups equal to aggregating the mirrored events', async () => {
    const db = testMirror();
    const events = Array.from({ length: 60 }, (_, index) =>
      event(index + 1, {
        ts: new Date(Date.UTC(2025, 2, 1, 10, 0) + index * 7 * 60_000).toISOString(),
        model: index % 3 === 0 ? 'gpt-4o' : 'claude-sonnet-4-5',
        agent: index % 4 === 0 ? 'main/researcher' : 'main',
        project: index % 5 === 0 ? null : 'tokentally',
        cost_usd: index % 7 === 0 ? null : 0.001 * (index + 1),
        status: index % 9 === 0 ? 'error' : 'ok',
        duration_ms: index * 10,
      }),
    );
    await mirrorEvents(db, events.slice(0, 25));
    await mirrorEvents(db, events.slice(20));
    const fromRollups = await summarizeRange(db, { group_by: 'model' });
    expect(fromRollups).toEqual(summarize(events, { group_by: 'model', tz: 'UTC' }));
    expect(await db.rollups.count()).toBe(35);
  });

  it('continues from the seq the caller expects the mirror to end at', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    const result = await mirrorEvents(db, [event(2), event(3), event(4)], 2);
    expect([result, await lastSeqMeta.read(db)]).toEqual([{ stored: 2, skipped: 1, last_seq: 4 }, 4]);
  });

  it('writes nothing when the mirror does not end where the caller expects (an earlier batch failed)', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    await expect(mirrorEvents(db, [event(5), event(6)], 4)).rejects.toThrow(
      "the mirror's last seq is 2, not 4: the batch would leave a gap or repeat events",
    );
    expect([await db.events.count(), await db.rollups.count(), await lastSeqMeta.read(db)]).toEqual([
      2, 1, 2,
    ]);
  });

  it('writes nothing when a batch fails part-way', async () => {
    const db = testMirror();
    await db.events.add({ ...event(2), ts_ms: 0 });
    await expect(mirrorEvents(db, [event(1), event(2)])).rejects.toThrow();
    expect(await db.events.count()).toBe(1);
    expect(await db.rollups.count()).toBe(0);
    expect(await lastSeqMeta.read(db)).toBeUndefined();
  });
});

describe('clearMirror', () => {
  it('empties events and rollups and forgets last_seq', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    await clearMirror(db);
    expect([await db.events.count(), await db.rollups.count(), await lastSeqMeta.read(db)]).toEqual([
      0,
      0,
      undefined,
    ]);
  });
});
