import { describe, expect, it } from 'vitest';
import { formatZoned, offsetAt, parseTimeZone, wallTime } from './time-zone';

describe('parseTimeZone', () => {
  it('accepts an IANA zone and gives its canonical spelling', () => {
    expect(parseTimeZone('America/New_York')).toEqual({ ok: true, value: 'America/New_York' });
    expect(parseTimeZone('utc')).toEqual({ ok: true, value: 'UTC' });
  });

  it('refuses an unknown zone as a value', () => {
    expect(parseTimeZone('Mars/Olympus_Mons')).toEqual({
      ok: false,
      message: 'unknown time zone "Mars/Olympus_Mons": expected an IANA name like Europe/Paris',
    });
    expect(parseTimeZone('').ok).toBe(false);
  });
});

describe('offsetAt and wallTime', () => {
  it('reads the offset on each side of a DST change', () => {
    expect(offsetAt(Date.parse('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('handles offsets that are not whole hours', () => {
    expect(offsetAt(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(345 * 60_000);
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(630 * 60_000);
  });

  it('keeps the milliseconds of the instant', () => {
    expect(wallTime(Date.parse('2026-03-08T12:00:00.250Z'), 'Asia/Kolkata')).toBe(
      Date.parse('2026-03-08T17:30:00.250Z'),
    );
  });

  it('throws on a zone nobody validated', () => {
    expect(() => wallTime(0, 'Not/AZone')).toThrow('unknown time zone "Not/AZone"');
  });
});

describe('formatZoned', () => {
  it('renders RFC 3339 with the local offset', () => {
    expect(formatZoned(Date.parse('2026-03-08T05:00:00Z'), 'America/New_York')).toBe(
      '2026-03-08T00:00:00-05:00',
    );
    expect(formatZoned(Date.parse('2026-05-09T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-05-10T00:00:00+05:30');
  });

  it('writes Z at a zero offset and milliseconds only when present', () => {
    expect(formatZoned(Date.parse('2026-01-15T10:00:00Z'), 'Europe/London')).toBe('2026-01-15T10:00:00Z');
    expect(formatZoned(Date.parse('2026-01-15T10:00:00.042Z'), 'UTC')).toBe('2026-01-15T10:00:00.042Z');
  });
});
