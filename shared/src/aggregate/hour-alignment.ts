import { HOUR_MS } from './time-bucket';
import { offsetAt } from './time-zone';

const DAY_MS = 24 * HOUR_MS;
const alignedYears = new Map<string, boolean>();

// First instant in (lo, hi] whose offset differs from the one at lo; offsets change on whole seconds.
function transitionAfter(lo: number, hi: number, tz: string): number {
  const before = offsetAt(lo, tz);
  let low = lo;
  let high = hi;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(mid, tz) === before) low = mid;
    else high = mid;
  }
  return high;
}

// Daily samples catch every transition: no zone changes its offset twice within a day.
function computeYearAligned(tz: string, year: number): boolean {
  const end = Date.UTC(year + 1, 0, 1);
  let previous = offsetAt(Date.UTC(year, 0, 1), tz);
  if (previous % HOUR_MS !== 0) return false;
  for (let t = Date.UTC(year, 0, 1) + DAY_MS; t <= end; t += DAY_MS) {
    const offset = offsetAt(t, tz);
    if (offset !== previous) {
      if (offset % HOUR_MS !== 0) return false;
      if (transitionAfter(t - DAY_MS, t, tz) % HOUR_MS !== 0) return false;
      previous = offset;
    }
  }
  return true;
}

function isYearAligned(tz: string, year: number): boolean {
  const key = `${tz}\u0000${year}`;
  const cached = alignedYears.get(key);
  if (cached !== undefined) return cached;
  const aligned = computeYearAligned(tz, year);
  alignedYears.set(key, aligned);
  return aligned;
}

/**
 * Whether every local hour, day, week and month boundary of `tz` between `fromMs` and `toMs` falls on a whole UTC
 * hour (offsets and transitions on whole hours), so that hourly rollups re-bucket exactly; when it does not
 * (Asia/Kolkata +05:30, Asia/Kathmandu +05:45, Australia/Lord_Howe), summarize the raw events instead.
 */
export function isWholeHourAligned(tz: string, fromMs: number, toMs: number): boolean {
  if (tz === 'UTC') return true;
  const first = new Date(Math.min(fromMs, toMs)).getUTCFullYear();
  const last = new Date(Math.max(fromMs, toMs)).getUTCFullYear();
  for (let year = first; year <= last; year += 1) {
    if (!isYearAligned(tz, year)) return false;
  }
  return true;
}
