import { bucketStart } from '@tokentally/shared/aggregate/time-bucket';

const DAY_MS = 86_400_000;

/** The popup's periods in UTC (the tests' zone) as epoch-ms bounds; `all` has none. */
export function utcPeriods(
  now: number,
): Record<'today' | '7d' | '30d' | 'all', { from?: number; to?: number }> {
  const today = bucketStart(now, 'day', 'UTC');
  const to = today + DAY_MS;
  return {
    today: { from: today, to },
    '7d': { from: today - 6 * DAY_MS, to },
    '30d': { from: today - 29 * DAY_MS, to },
    all: {},
  };
}

/** The UTC date `YYYY-MM-DD` of an instant. */
export const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export { DAY_MS };
