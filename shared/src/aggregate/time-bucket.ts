import { formatZoned, offsetAt, wallTime } from './time-zone';

/** The time buckets a summary can be grouped by. */
export const TIME_UNITS = ['hour', 'day', 'week', 'month'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Narrows a group-by value to a time unit. */
export function isTimeUnit(value: string): value is TimeUnit {
  return TIME_UNITS.some((unit) => unit === value);
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SECOND_MS = 1000;
// Farther back than any zone's offset (+14 h) plus the longest local day, so the wall time there is before any label.
const SEARCH_BACK_MS = 40 * HOUR_MS;

const floorTo = (value: number, step: number): number => Math.floor(value / step) * step;

// The wall time at which the local bucket holding `wall` begins (weeks begin on Monday, ISO 8601).
function labelStart(wall: number, unit: TimeUnit): number {
  switch (unit) {
    case 'hour':
      return floorTo(wall, HOUR_MS);
    case 'day':
      return floorTo(wall, DAY_MS);
    case 'week': {
      const day = floorTo(wall, DAY_MS);
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
    }
    case 'month': {
      const date = new Date(wall);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
    default:
      return unit satisfies never;
  }
}

function nextLabelStart(label: number, unit: Exclude<TimeUnit, 'hour'>): number {
  if (unit === 'day') return label + DAY_MS;
  if (unit === 'week') return label + 7 * DAY_MS;
  const date = new Date(label);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

// The first instant in (lo, hi] where `reached` turns true, assuming it is false at lo and true at hi.
// Offsets change on whole seconds, so a one-second resolution is exact.
function firstInstant(lo: number, hi: number, reached: (t: number) => boolean): number {
  let low = lo;
  let high = hi;
  while (high - low > SECOND_MS) {
    const mid = low + floorTo((high - low) / 2, SECOND_MS);
    if (reached(mid)) high = mid;
    else low = mid;
  }
  return high;
}

// Day, week and month buckets are labelled by the local date alone, so a repeated hour (fall back) stays in its
// bucket. The bucket starts at the last instant at or before ts where the wall clock reached the label's start:
// either where it read exactly `label` after reading less, or, when clocks jumped over `label`, at the jump.
function dateBucketStart(ts: number, label: number, offset: number, tz: string): number {
  const known = new Map<number, number>([[ts, offset]]);
  const offsetOf = (t: number): number => {
    const cached = known.get(t) ?? offsetAt(t, tz);
    known.set(t, cached);
    return cached;
  };
  const offsets = new Set([offset]);
  let probe = offset;
  for (let i = 0; i < 2; i += 1) {
    probe = offsetOf(label - probe);
    offsets.add(probe);
  }
  let start = Number.NEGATIVE_INFINITY;
  for (const candidateOffset of offsets) {
    const t = label - candidateOffset;
    const isStart = t <= ts && offsetOf(t) === candidateOffset && wallTime(t - 1, tz) < label;
    if (isStart && t > start) start = t;
  }
  if (start !== Number.NEGATIVE_INFINITY) return start;
  return firstInstant(label - SEARCH_BACK_MS, ts, (t) => wallTime(t, tz) >= label);
}

// Hour buckets are labelled by the local hour and its offset, so the repeated hour of a fall back is two buckets,
// and a half-hour shift (Lord Howe) splits an hour where the offset changes.
function hourBucketStart(ts: number, label: number, offset: number, tz: string): number {
  const start = label - offset;
  if (offsetAt(start, tz) === offset) return start;
  return firstInstant(start, ts, (t) => offsetAt(t, tz) === offset);
}

/** The epoch ms at which the local hour, day, ISO week (from Monday) or month holding `tsMs` begins in `tz`. */
export function bucketStart(tsMs: number, unit: TimeUnit, tz: string): number {
  const wall = wallTime(tsMs, tz);
  const offset = wall - tsMs;
  const label = labelStart(wall, unit);
  return unit === 'hour'
    ? hourBucketStart(tsMs, label, offset, tz)
    : dateBucketStart(tsMs, label, offset, tz);
}

/** The epoch ms at which the bucket after the one holding `tsMs` begins (the exclusive end of its bucket). */
export function nextBucketStart(tsMs: number, unit: TimeUnit, tz: string): number {
  const wall = wallTime(tsMs, tz);
  const offset = wall - tsMs;
  const label = labelStart(wall, unit);
  if (unit === 'hour') {
    const end = label + HOUR_MS - offset;
    if (offsetAt(end - 1, tz) === offset) return end;
    return firstInstant(tsMs, end - 1, (t) => offsetAt(t, tz) !== offset);
  }
  // Three hours past the next label's start at today's offset is inside the next bucket whatever the clocks did.
  const probe = nextLabelStart(label, unit) - offset + 3 * HOUR_MS;
  return bucketStart(probe, unit, tz);
}

/** The key of the bucket holding `tsMs`: its start as RFC 3339 with the local offset (`2026-03-08T00:00:00-05:00`). */
export function bucketKey(tsMs: number, unit: TimeUnit, tz: string): string {
  return formatZoned(bucketStart(tsMs, unit, tz), tz);
}
