import { emptyAggregate, mergeAggregates } from '@tokentally/shared/aggregate/aggregate';
import { addToGroup, type DayBucket, type DayTable, emptyGroups } from './popup-day-table';
import { BREAKDOWN_DIMENSIONS } from './popup-dimensions';

/**
 * Local days the cached table keeps one by one: more than the longest period or chart the popup shows (30 days).
 * Older days only ever count towards "all time", so they are summed into one bucket, and the table read at each
 * opening stays the same size however long the history (181 days of a million events made 1 MB, read back in
 * 10-18 ms: most of the popup's wait for its data).
 */
export const KEPT_DAYS = 35;

/** The key of the bucket summing the days before the kept ones (day keys are RFC 3339 dates, never this). */
export const OLDER_DAYS_KEY = 'older';

function mergeBuckets(buckets: readonly DayBucket[]): DayBucket {
  const merged: DayBucket = {
    start: Math.min(...buckets.map((bucket) => bucket.start)),
    totals: emptyAggregate(),
    groups: emptyGroups(),
  };
  for (const bucket of buckets) {
    merged.totals = mergeAggregates(merged.totals, bucket.totals);
    for (const { id } of BREAKDOWN_DIMENSIONS) {
      for (const [key, aggregate] of bucket.groups[id]) addToGroup(merged.groups[id], key, aggregate);
    }
  }
  return merged;
}

/**
 * The table with every bucket starting before `before` summed into one (`OLDER_DAYS_KEY`, starting at the
 * earliest of them), or the very same table when nothing is to merge. Sums of ranges that start at `before` or
 * later, or that are open towards the past, are unchanged.
 */
export function compactDayTable(table: DayTable, before: number): DayTable {
  const old = [...table.days].filter(([, bucket]) => bucket.start < before);
  if (old.length === 0 || (old.length === 1 && old[0]?.[0] === OLDER_DAYS_KEY)) return table;
  const days = new Map([...table.days].filter(([, bucket]) => bucket.start >= before));
  days.set(OLDER_DAYS_KEY, mergeBuckets(old.map(([, bucket]) => bucket)));
  return { ...table, days };
}
