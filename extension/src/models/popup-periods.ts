import { allTimeRange, lastDaysRange, todayRange } from '../db/ranges';
import type { TimeRange } from '../db/summarize-range';

/** The periods the popup totals and breaks down: today, the last 7 and 30 local days (today included), all time. */
export const POPUP_PERIODS = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: 'all', label: 'All time' },
] as const;

export type PopupPeriod = (typeof POPUP_PERIODS)[number]['id'];

/** Narrows a string (a select's value) to a period. */
export function isPopupPeriod(value: string): value is PopupPeriod {
  return POPUP_PERIODS.some((period) => period.id === value);
}

/** The time range of a period at `now` in the zone `tz`. */
export function periodRange(period: PopupPeriod, now: number, tz: string): TimeRange {
  switch (period) {
    case 'today':
      return todayRange(now, tz);
    case '7d':
      return lastDaysRange(now, tz, 7);
    case '30d':
      return lastDaysRange(now, tz, 30);
    case 'all':
      return allTimeRange();
    default:
      return period satisfies never;
  }
}
