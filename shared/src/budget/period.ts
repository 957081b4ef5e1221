import type { BudgetPeriod } from '../api/budget';
import { bucketStart, nextBucketStart } from '../aggregate/time-bucket';

/** A budget period as epoch ms, `start <= ts < end`; both null for `total`, which never resets. */
export interface PeriodBounds {
  start: number | null;
  end: number | null;
}

/** The bounds of the current day, ISO week (from Monday) or month in the zone `tz` at `nowMs`. */
export function periodBounds(period: BudgetPeriod, nowMs: number, tz: string): PeriodBounds {
  if (period === 'total') return { start: null, end: null };
  return { start: bucketStart(nowMs, period, tz), end: nextBucketStart(nowMs, period, tz) };
}

/** Whether an instant falls within period bounds. */
export function inPeriod(bounds: PeriodBounds, tsMs: number): boolean {
  return (bounds.start === null || tsMs >= bounds.start) && (bounds.end === null || tsMs < bounds.end);
}
