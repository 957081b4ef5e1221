import { describe, expect, it } from 'vitest';
import { groupBySchema } from '../api/summary';
import { mergeAggregates } from './aggregate';
import { randomEvents } from './fake-events';
import { hourRowOf, type HourRow, isRowGroupBy, ROW_GROUP_BYS } from './hour-row';
import { summarize, summarizeRows } from './summary';

// Folds events into hour rows the way the daemon and the extension keep them.
function rollUp(events: Parameters<typeof hourRowOf>[0][]): HourRow[] {
  const rows = new Map<string, HourRow>();
  for (const event of events) {
    const row = hourRowOf(event);
    const key = JSON.stringify([
      row.hour_start_ms,
      row.model,
      row.provider,
      row.agent,
      row.project,
      row.source,
    ]);
    const stored = rows.get(key);
    rows.set(key, stored === undefined ? row : { ...stored, ...mergeAggregates(stored, row) });
  }
  return [...rows.values()];
}

// A month and a half of scattered events plus a busy day, so that many events share a row.
const events = [...randomEvents(7, 400), ...randomEvents(8, 600, 1)];
const rows = rollUp(events);
const from = Date.parse('2026-03-01T00:00:00Z');
const to = Date.parse('2026-04-01T00:00:00Z');
const CASES = ['UTC', 'America/New_York', 'Europe/London'].flatMap((tz) =>
  ROW_GROUP_BYS.map((g) => [tz, g] as const),
);

describe('summarizeRows', () => {
  it('folds many events into fewer rows', () => {
    expect(rows.length).toBeLessThan(events.length);
  });

  it.each(CASES)('in %s by %s equals summarizing the raw events', (tz, group_by) => {
    expect(summarizeRows(rows, { tz, group_by, from, to })).toEqual(
      summarize(events, { tz, group_by, from, to }),
    );
  });

  it('equals summarizing the raw events for totals alone', () => {
    expect(summarizeRows(rows, { tz: 'UTC' })).toEqual(summarize(events, { tz: 'UTC' }));
  });

  it('drifts from the raw events by day in Asia/Kolkata, where isWholeHourAligned says to use events', () => {
    const byRows = summarizeRows(rows, { tz: 'Asia/Kolkata', group_by: 'day' });
    expect(byRows.groups).not.toEqual(summarize(events, { tz: 'Asia/Kolkata', group_by: 'day' }).groups);
  });

  it('knows which group-bys rows cannot answer', () => {
    expect(groupBySchema.options.filter((g) => !isRowGroupBy(g))).toEqual(['session_id', 'tool']);
  });
});
