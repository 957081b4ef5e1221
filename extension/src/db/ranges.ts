import { bucketStart, nextBucketStart } from '@tokentally/shared/aggregate/time-bucket';
import type { TimeRange } from './summarize-range';

/** The user's IANA time zone, as the browser knows it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today in `tz`: from its local midnight to the next one. */
export function todayRange(now: number, tz: string): { from: number; to: number } {
  return { from: bucketStart(now, 'day', tz), to: nextBucketStart(now, 'day', tz) };
}

/** The last `days` local days in `tz`, today included (7 → today and the six days before). */
export function lastDaysRange(now: number, tz: string, days: number): { from: number; to: number } {
  const today = todayRange(now, tz);
  let from = today.from;
  for (let day = 1; day < days; day += 1) from = bucketStart(from - 1, 'day', tz);
  return { from, to: today.to };
}

/** Every time: both bounds open. */
export function allTimeRange(): TimeRange {
  return {};
}
