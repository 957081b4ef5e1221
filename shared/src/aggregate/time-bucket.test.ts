import { describe, expect, it } from 'vitest';
import { seededRandom } from './fake-events';
import { bucketKey, bucketStart, nextBucketStart, type TimeUnit } from './time-bucket';
import { formatZoned } from './time-zone';

const at = Date.parse;
const HOUR = 3_600_000;
const span = (ts: number, unit: TimeUnit, tz: string): number =>
  (nextBucketStart(ts, unit, tz) - bucketStart(ts, unit, tz)) / HOUR;

describe('day buckets', () => {
  it('start at local midnight with the local offset in the key', () => {
    expect(bucketKey(at('2026-03-08T12:00:00Z'), 'day', 'America/New_York')).toBe(
      '2026-03-08T00:00:00-05:00',
    );
    expect(bucketStart(at('2026-03-08T12:00:00Z'), 'day', 'America/New_York')).toBe(
      at('2026-03-08T05:00:00Z'),
    );
    expect(bucketKey(at('2026-05-10T00:00:00Z'), 'day', 'Asia/Kolkata')).toBe('2026-05-10T00:00:00+05:30');
    expect(bucketKey(at('2026-05-09T18:15:00Z'), 'day', 'Asia/Kathmandu')).toBe('2026-05-10T00:00:00+05:45');
  });

  it('last 23 hours when clocks spring forward and 25 when they fall back in New York', () => {
    expect(span(at('2026-03-08T12:00:00Z'), 'day', 'America/New_York')).toBe(23);
    expect(span(at('2026-11-01T12:00:00Z'), 'day', 'America/New_York')).toBe(25);
    expect(
      formatZoned(nextBucketStart(at('2026-03-08T12:00:00Z'), 'day', 'America/New_York'), 'America/New_York'),
    ).toBe('2026-03-09T00:00:00-04:00');
  });

  it('follow Europe/London across both changes', () => {
    expect(span(at('2026-03-29T12:00:00Z'), 'day', 'Europe/London')).toBe(23);
    expect(bucketKey(at('2026-10-25T23:30:00Z'), 'day', 'Europe/London')).toBe('2026-10-25T00:00:00+01:00');
    expect(span(at('2026-10-25T12:00:00Z'), 'day', 'Europe/London')).toBe(25);
  });

  it('last 23.5 and 24.5 hours on Lord Howe Island, whose clocks move by half an hour', () => {
    expect(span(at('2026-10-04T00:00:00Z'), 'day', 'Australia/Lord_Howe')).toBe(23.5);
    expect(span(at('2026-04-05T00:00:00Z'), 'day', 'Australia/Lord_Howe')).toBe(24.5);
    expect(bucketKey(at('2026-10-04T00:00:00Z'), 'day', 'Australia/Lord_Howe')).toBe(
      '2026-10-04T00:00:00+10:30',
    );
  });

  it('start at 01:00 when midnight does not exist (Santiago springs forward at midnight)', () => {
    expect(bucketKey(at('2026-09-06T12:00:00Z'), 'day', 'America/Santiago')).toBe(
      '2026-09-06T01:00:00-03:00',
    );
    expect(span(at('2026-09-06T12:00:00Z'), 'day', 'America/Santiago')).toBe(23);
  });

  it('start at the first midnight when midnight repeats (Havana falls back from 01:00 to 00:00)', () => {
    expect(bucketStart(at('2026-11-01T12:00:00Z'), 'day', 'America/Havana')).toBe(at('2026-11-01T04:00:00Z'));
    expect(bucketStart(at('2026-11-01T05:30:00Z'), 'day', 'America/Havana')).toBe(at('2026-11-01T04:00:00Z'));
    expect(span(at('2026-11-01T12:00:00Z'), 'day', 'America/Havana')).toBe(25);
  });

  it('keep a repeated 23:00 hour in the day before (São Paulo fell back at midnight in 2019)', () => {
    expect(bucketKey(at('2019-02-17T02:30:00Z'), 'day', 'America/Sao_Paulo')).toBe(
      '2019-02-16T00:00:00-02:00',
    );
    expect(span(at('2019-02-17T02:30:00Z'), 'day', 'America/Sao_Paulo')).toBe(25);
  });
});

describe('hour buckets', () => {
  it('split the repeated hour of a fall back into two keys', () => {
    expect(bucketKey(at('2026-11-01T05:30:00Z'), 'hour', 'America/New_York')).toBe(
      '2026-11-01T01:00:00-04:00',
    );
    expect(bucketKey(at('2026-11-01T06:30:00Z'), 'hour', 'America/New_York')).toBe(
      '2026-11-01T01:00:00-05:00',
    );
  });

  it('follow half-hour offsets', () => {
    expect(bucketKey(at('2026-05-10T00:00:00Z'), 'hour', 'Asia/Kathmandu')).toBe('2026-05-10T05:00:00+05:45');
    expect(bucketStart(at('2026-05-10T00:00:00Z'), 'hour', 'Asia/Kolkata')).toBe(at('2026-05-09T23:30:00Z'));
  });

  it('last half an hour where Lord Howe moves its clocks by 30 minutes', () => {
    expect(bucketKey(at('2026-10-03T15:40:00Z'), 'hour', 'Australia/Lord_Howe')).toBe(
      '2026-10-04T02:30:00+11:00',
    );
    expect(span(at('2026-10-03T15:40:00Z'), 'hour', 'Australia/Lord_Howe')).toBe(0.5);
    expect(bucketKey(at('2026-04-04T15:10:00Z'), 'hour', 'Australia/Lord_Howe')).toBe(
      '2026-04-05T01:30:00+10:30',
    );
    expect(span(at('2026-04-04T15:10:00Z'), 'hour', 'Australia/Lord_Howe')).toBe(0.5);
  });
});

describe('week and month buckets', () => {
  it('start weeks on Monday', () => {
    expect(bucketKey(at('2026-03-08T12:00:00Z'), 'week', 'America/New_York')).toBe(
      '2026-03-02T00:00:00-05:00',
    );
    expect(bucketKey(at('2026-03-09T12:00:00Z'), 'week', 'America/New_York')).toBe(
      '2026-03-09T00:00:00-04:00',
    );
    expect(span(at('2026-03-08T12:00:00Z'), 'week', 'America/New_York')).toBe(167);
    expect(bucketKey(at('2026-01-01T12:00:00Z'), 'week', 'UTC')).toBe('2025-12-29T00:00:00Z');
  });

  it('start months on the first local day, which may still be the previous month in UTC', () => {
    expect(bucketKey(at('2026-03-31T22:30:00Z'), 'month', 'Europe/Paris')).toBe('2026-04-01T00:00:00+02:00');
    expect(bucketKey(at('2026-03-31T21:30:00Z'), 'month', 'Europe/Paris')).toBe('2026-03-01T00:00:00+01:00');
    expect(span(at('2026-03-15T12:00:00Z'), 'month', 'America/Los_Angeles')).toBe(743);
    expect(span(at('2028-02-15T12:00:00Z'), 'month', 'UTC')).toBe(696);
  });
});

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
];
const TRANSITION_DAYS = [
  '2026-03-08',
  '2026-11-01',
  '2026-03-29',
  '2026-10-25',
  '2026-04-05',
  '2026-10-04',
  '2026-09-06',
];
const UNITS: TimeUnit[] = ['hour', 'day', 'week', 'month'];
const CASES = ZONES.flatMap((tz) => UNITS.map((unit) => [tz, unit] as const));

describe('every bucket', () => {
  it.each(CASES)('in %s by %s holds its instants and tiles time without gaps', (tz, unit) => {
    const random = seededRandom(tz.length * 31 + unit.length);
    const yearly = Array.from(
      { length: 60 },
      () => Date.UTC(2026, 0, 1) + Math.floor(random() * 366 * 24 * HOUR),
    );
    // Every 50 minutes (+7 s) across the two days around each 2026 clock change of these zones.
    const nearChanges = TRANSITION_DAYS.flatMap((day) =>
      Array.from({ length: 58 }, (_, i) => at(day) - 24 * HOUR + i * 50 * 60_000 + 7000),
    );
    const instants = [...yearly, ...nearChanges];
    const checks = instants.map((ts) => {
      const start = bucketStart(ts, unit, tz);
      const next = nextBucketStart(ts, unit, tz);
      return {
        holds: start <= ts && ts < next,
        startIsFixed: bucketStart(start, unit, tz) === start,
        lastInstantInside: bucketStart(next - 1, unit, tz) === start,
        nextStartsItself: bucketStart(next, unit, tz) === next,
      };
    });
    const expected = { holds: true, startIsFixed: true, lastInstantInside: true, nextStartsItself: true };
    expect(checks).toEqual(instants.map(() => expected));
  });
});
