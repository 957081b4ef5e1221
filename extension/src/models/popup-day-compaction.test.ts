import { describe, expect, it } from 'vitest';
import { lastDaysRange } from '../db/ranges';
import { compactDayTable, KEPT_DAYS, OLDER_DAYS_KEY } from './popup-day-compaction';
import { addEventsToTable, emptyDayTable, tablePartial } from './popup-day-table';
import { POPUP_NOW, popupTestEvents } from './popup-fixtures';
import { overviewOf } from './popup-overview';

const events = popupTestEvents(60);
const full = addEventsToTable(emptyDayTable('America/New_York'), events, events.length, 'evt-last');
const before = lastDaysRange(POPUP_NOW, 'America/New_York', KEPT_DAYS).from;

describe('compacting the day table', () => {
  it('sums the days before the kept ones into one bucket and keeps the rest as they were', () => {
    const compact = compactDayTable(full, before);
    const kept = [...full.days].filter(([, day]) => day.start >= before);
    expect([full.days.size, compact.days.size]).toEqual([61, kept.length + 1]);
    expect(compact.days.get(OLDER_DAYS_KEY)?.start).toBe(
      Math.min(...[...full.days.values()].map((d) => d.start)),
    );
    for (const [key, day] of kept) expect(compact.days.get(key)).toBe(day);
  });

  it('changes no figure the popup shows: totals of every period, the chart, and all-time breakdowns', () => {
    const compact = compactDayTable(full, before);
    expect(overviewOf(compact, POPUP_NOW)).toEqual(overviewOf(full, POPUP_NOW));
    for (const dimension of ['model', 'provider', 'agent', 'project'] as const)
      expect(tablePartial(compact, {}, dimension)).toEqual(tablePartial(full, {}, dimension));
  });

  it('answers the same table when nothing but the older bucket lies before the boundary', () => {
    const compact = compactDayTable(full, before);
    expect(compactDayTable(compact, before)).toBe(compact);
    expect(compactDayTable(full, Number.NEGATIVE_INFINITY)).toBe(full);
  });

  it('folds the days that grew old since into the older bucket, all-time sums unchanged', () => {
    const compact = compactDayTable(full, before);
    const later = compactDayTable(compact, before + 5 * 86_400_000);
    expect(later.days.size).toBe(compact.days.size - 5);
    expect(tablePartial(later, {}, 'model')).toEqual(tablePartial(full, {}, 'model'));
  });
});
