import { bucketStart, nextBucketStart } from '@tokentally/shared/aggregate/time-bucket';
import { formatZoned, offsetAt } from '@tokentally/shared/aggregate/time-zone';
import type { TimeRange } from '../db/summarize-range';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant at which the local date `YYYY-MM-DD` begins in `tz`, or undefined when it is not a date. */
export function localDayStart(date: string, tz: string): number | undefined {
  const match = DATE.exec(date);
  if (match === null) return undefined;
  const noonLabel = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  if (new Date(noonLabel).toISOString().slice(0, 10) !== date) return undefined;
  // Local noon of that date is well inside its day whatever the offset, and the day's bucket begins at midnight.
  return bucketStart(noonLabel - offsetAt(noonLabel, tz), 'day', tz);
}

/** The local date (`YYYY-MM-DD`) in `tz` of an instant. */
export function localDate(ts: number, tz: string): string {
  return formatZoned(ts, tz).slice(0, 10);
}

/** A date range as picked, or why it cannot be used. */
export type DateRangeResult = { ok: true; range: TimeRange } | { ok: false; message: string };

/**
 * The time range of the local dates `from` to `to`, both included: from the first one's midnight to the midnight
 * after the second, in `tz`. An empty `from` or `to` leaves that end open.
 */
export function dateRange(from: string, to: string, tz: string): DateRangeResult {
  const start = from === '' ? undefined : localDayStart(from, tz);
  const lastDay = to === '' ? undefined : localDayStart(to, tz);
  if (from !== '' && start === undefined)
    return { ok: false, message: `"${from}" is not a date (YYYY-MM-DD).` };
  if (to !== '' && lastDay === undefined)
    return { ok: false, message: `"${to}" is not a date (YYYY-MM-DD).` };
  const end = lastDay === undefined ? undefined : nextBucketStart(lastDay, 'day', tz);
  if (start !== undefined && end !== undefined && start >= end) {
    return { ok: false, message: 'The first day comes after the last one.' };
  }
  return { ok: true, range: { from: start, to: end } };
}
