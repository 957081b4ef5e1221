import { describe, expect, it } from 'vitest';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { addEventsToTable, emptyDayTable } from './popup-day-table';
import { POPUP_NOW, popupTestEvents } from './popup-fixtures';
import { overviewOf } from './popup-overview';

const events = popupTestEvents(40);
const table = addEventsToTable(emptyDayTable('UTC'), events, events.length, `evt-${String(events.length)}`);
const DAY = 86_400_000;
const today = Date.parse('2025-03-10T00:00:00Z');

describe('overviewOf', () => {
  it('totals today, 7 days, 30 days and all time as summaries of those days do', () => {
    const ranges = [
      { from: today, to: today + DAY },
      { from: today - 6 * DAY, to: today + DAY },
      { from: today - 29 * DAY, to: today + DAY },
      {},
    ];
    expect(overviewOf(table, POPUP_NOW).totals.map((period) => period.metrics)).toEqual(
      ranges.map((range) => summarize(events, { ...range, tz: 'UTC' }).totals),
    );
  });

  it('names the periods', () => {
    expect(overviewOf(table, POPUP_NOW).totals.map((period) => period.label)).toEqual([
      'Today',
      '7 days',
      '30 days',
      'All time',
    ]);
  });

  it('charts the last 30 days oldest first, days without spending at zero', () => {
    const daily = overviewOf(table, POPUP_NOW + 3 * DAY).daily;
    expect(daily.length).toBe(30);
    expect([daily[0]?.day, daily.at(-1)?.day]).toEqual(['2025-02-12', '2025-03-13']);
    expect(daily.at(-1)).toEqual({ day: '2025-03-13', cost_usd: 0, requests: 0, total_tokens: 0 });
    expect(daily.find((point) => point.day === '2025-03-09')?.requests).toBe(15);
  });
});
