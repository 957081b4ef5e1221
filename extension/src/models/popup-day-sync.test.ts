import { describe, expect, it } from 'vitest';
import { finalizeMetrics } from '@tokentally/shared/aggregate/metrics';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { clearMirror, mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { tablePartial } from './popup-day-table';
import { saveDayTable, syncDayTable } from './popup-day-sync';
import { popupTestEvents } from './popup-fixtures';
import { testPopupCache } from './popup-test-cache';

const events = popupTestEvents(20);
const allTotals = (list: typeof events) => summarize(list, { tz: 'UTC' }).totals;

async function mirrorWith(list: typeof events) {
  const db = testMirror();
  await mirrorEvents(db, list);
  return db;
}

describe('syncDayTable', () => {
  it('builds the table from the mirror the first time', async () => {
    const synced = await syncDayTable(await mirrorWith(events), testPopupCache(), 'UTC');
    expect(synced.changed).toBe(true);
    expect(finalizeMetrics(tablePartial(synced.table, {}).totals)).toEqual(allTotals(events));
  });

  it('keeps the saved table when nothing new was mirrored', async () => {
    const db = await mirrorWith(events);
    const cache = testPopupCache();
    await saveDayTable(cache, (await syncDayTable(db, cache, 'UTC')).table);
    expect((await syncDayTable(db, cache, 'UTC')).changed).toBe(false);
  });

  it('adds what was mirrored since the table was saved', async () => {
    const db = await mirrorWith(events.slice(0, 200));
    const cache = testPopupCache();
    await saveDayTable(cache, (await syncDayTable(db, cache, 'UTC')).table);
    await mirrorEvents(db, events.slice(200));
    const synced = await syncDayTable(db, cache, 'UTC');
    expect({ seq: synced.table.seq, seq_id: synced.table.seq_id }).toEqual({ seq: 296, seq_id: 'evt-296' });
    expect(finalizeMetrics(tablePartial(synced.table, {}).totals)).toEqual(allTotals(events));
  });

  it('starts over when the mirror was emptied and filled from another daemon', async () => {
    const db = await mirrorWith(events);
    const cache = testPopupCache();
    await saveDayTable(cache, (await syncDayTable(db, cache, 'UTC')).table);
    await clearMirror(db);
    const others = popupTestEvents(25, 1, 'other');
    await mirrorEvents(db, others);
    expect(finalizeMetrics(tablePartial((await syncDayTable(db, cache, 'UTC')).table, {}).totals)).toEqual(
      allTotals(others),
    );
  });

  it('starts over when the mirror was refilled up to the same seq with other events', async () => {
    const db = await mirrorWith(events);
    const cache = testPopupCache();
    await saveDayTable(cache, (await syncDayTable(db, cache, 'UTC')).table);
    await clearMirror(db);
    const others = popupTestEvents(20, 1, 'other').map((event) => ({ ...event, input_tokens: 1 }));
    await mirrorEvents(db, others);
    const synced = await syncDayTable(db, cache, 'UTC');
    expect([synced.table.seq, synced.table.seq_id]).toEqual([296, 'other-296']);
    expect(finalizeMetrics(tablePartial(synced.table, {}).totals)).toEqual(allTotals(others));
  });

  it('adds live events written one at a time to the hour’s chunk', async () => {
    const db = await mirrorWith(events.slice(0, 290));
    const cache = testPopupCache();
    await saveDayTable(cache, (await syncDayTable(db, cache, 'UTC')).table);
    for (const live of events.slice(290)) await mirrorEvents(db, [live]);
    const synced = await syncDayTable(db, cache, 'UTC');
    expect(finalizeMetrics(tablePartial(synced.table, {}).totals)).toEqual(allTotals(events));
  });

  it('sums a zone whose midnights fall between whole hours from the events themselves', async () => {
    const synced = await syncDayTable(await mirrorWith(events), testPopupCache(), 'Asia/Kolkata');
    const days = [...synced.table.days.keys()];
    expect(days[0]).toBe('2025-02-18T00:00:00+05:30');
    expect(finalizeMetrics(tablePartial(synced.table, {}).totals)).toEqual(allTotals(events));
  });
});
