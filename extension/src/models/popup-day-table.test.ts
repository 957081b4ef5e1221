import { describe, expect, it } from 'vitest';
import { hourRowOf } from '@tokentally/shared/aggregate/hour-row';
import { finalizeSummary, summarize } from '@tokentally/shared/aggregate/summary';
import { addEventsToTable, addRowsToTable, emptyDayTable, tablePartial } from './popup-day-table';
import { popupTestEvents } from './popup-fixtures';

const events = popupTestEvents(20);
const DAY = 86_400_000;

describe('the day table', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])(
    'sums events per local day of %s into what summarize gives for whole days',
    (tz) => {
      const table = addEventsToTable(emptyDayTable(tz), events, 296, 'evt-296');
      const range = { from: Date.parse('2025-03-01T00:00:00Z'), to: Date.parse('2025-03-08T00:00:00Z') };
      const days = [...table.days.values()].filter((day) => day.start >= range.from && day.start < range.to);
      const aligned = { from: days[0]?.start, to: (days.at(-1)?.start ?? 0) + DAY };
      expect(finalizeSummary(tablePartial(table, aligned, 'agent'), 'agent')).toEqual(
        summarize(events, { ...aligned, tz, group_by: 'agent' }),
      );
    },
  );

  it('gives the same sums from hour rows as from events where midnights fall on whole hours', () => {
    const fromEvents = addEventsToTable(emptyDayTable('Europe/Paris'), events, 296, 'evt-296');
    const fromRows = addRowsToTable(emptyDayTable('Europe/Paris'), events.map(hourRowOf), 296, 'evt-296');
    expect(tablePartial(fromRows, {}, 'project')).toEqual(tablePartial(fromEvents, {}, 'project'));
    expect(fromRows.days.size).toBe(21);
  });

  it('counts agents under their top level and a missing label as (none)', () => {
    const table = addEventsToTable(emptyDayTable('UTC'), events, 296, 'evt-296');
    expect([...tablePartial(table, {}, 'agent').groups.keys()].sort()).toEqual([
      '(none)',
      'main',
      'reviewer',
    ]);
  });

  it('leaves the table it adds to as it was', () => {
    const before = addEventsToTable(emptyDayTable('UTC'), events.slice(0, 100), 100, 'evt-100');
    const snapshot = structuredClone(before);
    addEventsToTable(before, events.slice(100), 296, 'evt-296');
    expect(before).toEqual(snapshot);
  });

  it('records the seq it is up to and that event’s id', () => {
    expect(addEventsToTable(emptyDayTable('UTC'), events, 296, 'evt-296')).toMatchObject({
      seq: 296,
      seq_id: 'evt-296',
    });
  });
});
