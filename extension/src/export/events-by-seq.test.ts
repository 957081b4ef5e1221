import { describe, expect, it } from 'vitest';
import { mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { forEachEventBySeq } from './events-by-seq';
import { exportTestEvents } from './export-fixtures';

const events = exportTestEvents(60);

async function seqsOf(range: { from?: number; to?: number }, chunkSize?: number): Promise<number[][]> {
  const db = testMirror();
  await mirrorEvents(db, events);
  const chunks: number[][] = [];
  await forEachEventBySeq(db, range, (chunk) => void chunks.push(chunk.map((event) => event.seq)), chunkSize);
  return chunks;
}

describe('forEachEventBySeq', () => {
  it('gives every event in seq order, a chunk at a time', async () => {
    const chunks = await seqsOf({}, 25);
    expect(chunks.map((chunk) => chunk.length)).toEqual([25, 25, 10]);
    expect(chunks.flat()).toEqual(events.map((event) => event.seq));
  });

  it('gives the events of a range, `from` included and `to` excluded, still in seq order', async () => {
    const from = Date.parse('2025-03-01T02:00:00.000Z');
    const to = Date.parse('2025-03-01T04:00:00.000Z');
    const expected = events
      .filter((event) => Date.parse(event.ts) >= from && Date.parse(event.ts) < to)
      .map((event) => event.seq);
    expect((await seqsOf({ from, to })).flat()).toEqual(expected);
    expect(expected).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('gives seq order across the interleaved chunks of many small batches', async () => {
    const db = testMirror();
    for (let start = 0; start < events.length; start += 7)
      await mirrorEvents(db, events.slice(start, start + 7));
    const chunks: number[][] = [];
    await forEachEventBySeq(db, {}, (chunk) => void chunks.push(chunk.map((event) => event.seq)), 10);
    expect([await db.event_chunks.count(), chunks.map((chunk) => chunk.length)]).toEqual([
      24,
      [10, 10, 10, 10, 10, 10],
    ]);
    expect(chunks.flat()).toEqual(events.map((event) => event.seq));
  });

  it('gives nothing for an empty range', async () => {
    expect(await seqsOf({ from: 5, to: 5 })).toEqual([]);
  });
});
