import { describe, expect, it } from 'vitest';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { eventsInRange, forEachEventChunk } from './events-in-range';
import { mirrorEvents } from './mirror-events';
import { breakdown, dailySeries, spendToday, totalsForRange } from './queries';
import { lastDaysRange, todayRange } from './ranges';
import { testMirror } from './test-mirror';

const MINUTE = 60_000;
const start = Date.UTC(2025, 2, 1, 0, 0);

// One event every 37 minutes for three days, so ranges cut hours in the middle.
const events = Array.from({ length: 120 }, (_, index) =>
  fakeStoredEvent({
    seq: index + 1,
    id: `evt-${String(index + 1)}`,
    ts: new Date(start + index * 37 * MINUTE).toISOString(),
    model: index % 2 === 0 ? 'gpt-4o' : 'claude-sonnet-4-5',
    provider: index % 2 === 0 ? 'openai' : 'anthropic',
    agent: ['main', 'main/researcher', 'reviewer', null][index % 4] ?? null,
    cost_usd: 0.01 * ((index % 5) + 1),
  }),
);

async function filledMirror() {
  const db = testMirror();
  await mirrorEvents(db, events);
  return db;
}

describe('mirror queries', () => {
  it('totals a range cutting hours in the middle exactly as the events themselves', async () => {
    const db = await filledMirror();
    const range = { from: start + 95 * MINUTE, to: start + 1000 * MINUTE };
    expect(await totalsForRange(db, range)).toEqual(summarize(events, { tz: 'UTC', ...range }).totals);
  });

  it('totals a range inside a single hour from the events', async () => {
    const db = await filledMirror();
    const range = { from: start + 70 * MINUTE, to: start + 80 * MINUTE };
    expect((await totalsForRange(db, range)).requests).toBe(1);
  });

  it('totals every event when the range is open', async () => {
    const db = await filledMirror();
    expect((await totalsForRange(db, {})).requests).toBe(120);
  });

  it('breaks spending down by agent, counting sub-agents under their top level', async () => {
    const db = await filledMirror();
    const groups = await breakdown(db, 'agent', {});
    expect(groups.map((group) => [group.key, group.requests])).toEqual([
      ['main', 60],
      ['(none)', 30],
      ['reviewer', 30],
    ]);
  });

  it('gives one zero-filled point per local day, in a zone whose days do not start on UTC midnight', async () => {
    const db = await filledMirror();
    const now = start + 2 * 24 * 60 * MINUTE;
    const series = await dailySeries(db, lastDaysRange(now, 'Asia/Kolkata', 5), 'Asia/Kolkata');
    expect(series.map((day) => [day.key, day.requests])).toEqual([
      ['2025-02-27T00:00:00+05:30', 0],
      ['2025-02-28T00:00:00+05:30', 0],
      ['2025-03-01T00:00:00+05:30', 30],
      ['2025-03-02T00:00:00+05:30', 39],
      ['2025-03-03T00:00:00+05:30', 39],
    ]);
  });

  it("sums today's spend in the user's zone", async () => {
    const db = await filledMirror();
    const now = start + 12 * 60 * MINUTE;
    const expected = summarize(events, { tz: 'UTC', ...todayRange(now, 'America/New_York') }).totals.cost_usd;
    expect(await spendToday(db, now, 'America/New_York')).toBe(expected);
  });

  it('lists the events of a range in time order, in chunks', async () => {
    const db = await filledMirror();
    const chunks: number[][] = [];
    await forEachEventChunk(
      db,
      { from: start, to: start + 370 * MINUTE },
      (chunk) => {
        chunks.push(chunk.map((stored) => stored.seq));
      },
      4,
    );
    expect(chunks).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10],
    ]);
  });

  it('lists the events of one hour in time order across the chunks of several batches', async () => {
    const db = testMirror();
    const at = (seq: number, minute: number) =>
      fakeStoredEvent({ seq, id: `evt-${String(seq)}`, ts: new Date(start + minute * MINUTE).toISOString() });
    await mirrorEvents(db, [at(1, 30), at(2, 10)]);
    await mirrorEvents(db, [at(3, 20), at(4, 10), at(5, 70)]);
    expect((await eventsInRange(db, { from: start + 10 * MINUTE })).map((event) => event.seq)).toEqual([
      2, 4, 3, 1, 5,
    ]);
  });

  it('returns events as the daemon stored them, without the mirror’s own fields', async () => {
    const db = await filledMirror();
    const [first] = await eventsInRange(db, { from: start, to: start + MINUTE });
    expect(first).toEqual(events[0]);
  });
});
