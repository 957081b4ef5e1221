import { describe, expect, it } from 'vitest';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { APPEND_LIMIT } from './chunk-writes';
import { eventCountMeta, lastEventMeta, lastSeqMeta } from './meta';
import { clearMirror, mirrorEvents } from './mirror-events';
import { rowsOf } from './rollup-hours';
import { summarizeRange } from './summarize-range';
import { mirroredEvents, testMirror } from './test-mirror';

const event = (seq: number, overrides: Parameters<typeof fakeStoredEvent>[0] = {}) =>
  fakeStoredEvent({ seq, id: `evt-${String(seq)}`, ...overrides });
const HOUR = Date.parse('2025-03-01T12:00:00.000Z');

async function seqs(db: ReturnType<typeof testMirror>): Promise<number[]> {
  return (await mirroredEvents(db)).map((stored) => stored.seq);
}

async function chunkShapes(db: ReturnType<typeof testMirror>) {
  return (await db.event_chunks.toArray()).map((chunk) => ({
    key: [chunk.hour_start_ms, chunk.first_seq],
    last_seq: chunk.last_seq,
    count: chunk.count,
  }));
}

describe('mirrorEvents', () => {
  it('stores events and advances last_seq to the highest one', async () => {
    const db = testMirror();
    const result = await mirrorEvents(db, [event(1), event(2), event(3)]);
    expect(result).toEqual({ stored: 3, skipped: 0, last_seq: 3 });
    expect(await seqs(db)).toEqual([1, 2, 3]);
    expect(await lastSeqMeta.read(db)).toBe(3);
  });

  it('stores nothing twice when a replay repeats events already mirrored', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    const result = await mirrorEvents(db, [event(1), event(2), event(3)]);
    expect(result).toEqual({ stored: 1, skipped: 2, last_seq: 3 });
    expect(await seqs(db)).toEqual([1, 2, 3]);
  });

  it('skips an event older than the last mirrored seq and a seq repeated within a batch', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(5)]);
    const result = await mirrorEvents(db, [event(7), event(4), event(7), event(6)]);
    expect(result).toEqual({ stored: 2, skipped: 2, last_seq: 7 });
    expect(await seqs(db)).toEqual([5, 6, 7]);
  });

  it('accepts seqs that skip numbers (rolled-back transactions on the daemon)', async () => {
    const db = testMirror();
    const result = await mirrorEvents(db, [event(1), event(4), event(10)]);
    expect(result).toEqual({ stored: 3, skipped: 0, last_seq: 10 });
  });

  it('counts the events held and remembers the newest one, replays aside', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    await mirrorEvents(db, [event(2), event(3), event(5)]);
    expect([await eventCountMeta.read(db), await lastEventMeta.read(db)]).toEqual([
      4,
      { seq: 5, id: 'evt-5' },
    ]);
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
    expect([await db.rollup_hours.count(), rowsOf(await db.rollup_hours.toArray()).length]).toEqual([7, 35]);
  });

  it('writes one chunk per UTC hour of a batch, each in seq order', async () => {
    const db = testMirror();
    const late = { ts: '2025-03-01T11:59:00.000Z' };
    await mirrorEvents(db, [event(1), event(2, late), event(3), event(4, late)]);
    expect(await chunkShapes(db)).toEqual([
      { key: [HOUR - 3_600_000, 2], last_seq: 4, count: 2 },
      { key: [HOUR, 1], last_seq: 3, count: 2 },
    ]);
  });

  it('appends a small batch to its hour’s newest chunk', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    await mirrorEvents(db, [event(3)]);
    await mirrorEvents(db, [event(4)], 3);
    expect(await chunkShapes(db)).toEqual([{ key: [HOUR, 1], last_seq: 4, count: 4 }]);
    expect(await seqs(db)).toEqual([1, 2, 3, 4]);
  });

  it('starts a new chunk once the hour’s newest one holds APPEND_LIMIT events', async () => {
    const db = testMirror();
    await mirrorEvents(
      db,
      Array.from({ length: APPEND_LIMIT }, (_, index) => event(index + 1)),
    );
    await mirrorEvents(db, [event(APPEND_LIMIT + 1), event(APPEND_LIMIT + 2)]);
    expect(await chunkShapes(db)).toEqual([
      { key: [HOUR, 1], last_seq: 500, count: 500 },
      { key: [HOUR, 501], last_seq: 502, count: 2 },
    ]);
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
    expect([await seqs(db), await db.rollup_hours.count(), await lastSeqMeta.read(db)]).toEqual([
      [1, 2],
      1,
      2,
    ]);
  });

  it('writes nothing when a batch fails part-way', async () => {
    const db = testMirror();
    await db.event_chunks.add({ hour_start_ms: HOUR, first_seq: 1, last_seq: 1, count: 0, events: [] });
    await expect(mirrorEvents(db, [event(1), event(2)])).rejects.toThrow();
    expect([
      await db.event_chunks.count(),
      await db.rollup_hours.count(),
      await lastSeqMeta.read(db),
      await eventCountMeta.read(db),
    ]).toEqual([1, 0, undefined, undefined]);
  });
});

describe('clearMirror', () => {
  it('empties events and rollups and forgets last_seq, the newest event and the count', async () => {
    const db = testMirror();
    await mirrorEvents(db, [event(1), event(2)]);
    await clearMirror(db);
    expect([
      await db.event_chunks.count(),
      await db.rollup_hours.count(),
      await lastSeqMeta.read(db),
      await lastEventMeta.read(db),
      await eventCountMeta.read(db),
    ]).toEqual([0, 0, undefined, undefined, undefined]);
  });
});
