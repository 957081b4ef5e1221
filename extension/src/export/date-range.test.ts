import { describe, expect, it } from 'vitest';
import { dateRange, localDate, localDayStart } from './date-range';

describe('localDayStart', () => {
  it('is local midnight in the zone', () => {
    expect(localDayStart('2025-03-01', 'UTC')).toBe(Date.parse('2025-03-01T00:00:00Z'));
    expect(localDayStart('2025-03-01', 'America/New_York')).toBe(Date.parse('2025-03-01T05:00:00Z'));
  });

  it('rejects what is not a calendar date', () => {
    expect([localDayStart('2025-02-30', 'UTC'), localDayStart('yesterday', 'UTC')]).toEqual([
      undefined,
      undefined,
    ]);
  });
});

describe('dateRange', () => {
  it('runs from the first day’s midnight to the midnight after the last day', () => {
    expect(dateRange('2025-03-08', '2025-03-09', 'America/New_York')).toEqual({
      ok: true,
      range: { from: Date.parse('2025-03-08T05:00:00Z'), to: Date.parse('2025-03-10T04:00:00Z') },
    });
  });

  it('leaves an end open when its date is empty', () => {
    expect(dateRange('', '2025-03-01', 'UTC')).toEqual({
      ok: true,
      range: { from: undefined, to: Date.parse('2025-03-02T00:00:00Z') },
    });
  });

  it('says what is wrong with a range it cannot use', () => {
    expect([dateRange('2025-03-05', '2025-03-01', 'UTC'), dateRange('soon', '', 'UTC')]).toEqual([
      { ok: false, message: 'The first day comes after the last one.' },
      { ok: false, message: '"soon" is not a date (YYYY-MM-DD).' },
    ]);
  });
});

describe('localDate', () => {
  it('is the date in the zone', () => {
    expect(localDate(Date.parse('2025-03-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2025-02-28');
  });
});
