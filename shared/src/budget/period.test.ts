import { describe, expect, it } from 'vitest';
import { inPeriod, periodBounds } from './period';

const at = Date.parse;

describe('periodBounds', () => {
  it('gives the local day, 23 hours long on the New York spring-forward day', () => {
    expect(periodBounds('day', at('2026-03-08T17:00:00Z'), 'America/New_York')).toEqual({
      start: at('2026-03-08T05:00:00Z'),
      end: at('2026-03-09T04:00:00Z'),
    });
  });

  it('gives the ISO week from Monday, so a Sunday belongs to the week before', () => {
    expect(periodBounds('week', at('2026-03-08T17:00:00Z'), 'America/New_York')).toEqual({
      start: at('2026-03-02T05:00:00Z'),
      end: at('2026-03-09T04:00:00Z'),
    });
    expect(periodBounds('week', at('2026-03-09T04:00:00Z'), 'America/New_York').start).toBe(
      at('2026-03-09T04:00:00Z'),
    );
  });

  it('gives the local month, which starts before the UTC one east of Greenwich', () => {
    expect(periodBounds('month', at('2026-03-31T22:30:00Z'), 'Europe/Paris')).toEqual({
      start: at('2026-03-31T22:00:00Z'),
      end: at('2026-04-30T22:00:00Z'),
    });
    expect(periodBounds('month', at('2026-01-31T15:00:00Z'), 'Asia/Tokyo')).toEqual({
      start: at('2026-01-31T15:00:00Z'),
      end: at('2026-02-28T15:00:00Z'),
    });
  });

  it('gives no bounds for a total budget', () => {
    expect(periodBounds('total', at('2026-03-08T17:00:00Z'), 'UTC')).toEqual({ start: null, end: null });
  });
});

describe('inPeriod', () => {
  it('includes the start and excludes the end', () => {
    const bounds = { start: 100, end: 200 };
    expect([
      inPeriod(bounds, 99),
      inPeriod(bounds, 100),
      inPeriod(bounds, 199),
      inPeriod(bounds, 200),
    ]).toEqual([false, true, true, false]);
    expect(inPeriod({ start: null, end: null }, 0)).toBe(true);
  });
});
