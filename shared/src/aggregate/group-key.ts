import type { GroupBy } from '../api/summary';
import { NONE_KEY, topLevelAgent } from './agent';
import type { LabelledEvent } from './event-filter';
import { bucketStart, nextBucketStart, type TimeUnit } from './time-bucket';
import { formatZoned } from './time-zone';

/** The label dimensions a summary can be grouped by. */
export type Dimension = Exclude<GroupBy, TimeUnit>;

/** The group key of an event's label: agents roll up to their top level, a missing or empty label is `(none)`. */
export function dimensionKey(dimension: Dimension, event: LabelledEvent): string {
  const value = event[dimension];
  if (value === null || value === undefined || value === '') return NONE_KEY;
  return dimension === 'agent' ? topLevelAgent(value) : value;
}

interface BucketRange {
  start: number;
  end: number;
  key: string;
}

// Bucketing costs several Intl calls, so ranges are remembered per 15-minute slot (every offset in use is a
// multiple of 15 minutes); a remembered range is only used when it really holds the instant.
const SLOT_MS = 15 * 60_000;

/** A function from epoch ms to bucket key for one unit and zone, remembering the buckets it has seen. */
export function createBucketKeyer(unit: TimeUnit, tz: string): (tsMs: number) => string {
  const ranges = new Map<number, BucketRange>();
  let last: BucketRange | undefined;
  return (tsMs) => {
    if (last !== undefined && tsMs >= last.start && tsMs < last.end) return last.key;
    const slot = Math.floor(tsMs / SLOT_MS);
    const known = ranges.get(slot);
    if (known !== undefined && tsMs >= known.start && tsMs < known.end) {
      last = known;
      return known.key;
    }
    const start = bucketStart(tsMs, unit, tz);
    const range = { start, end: nextBucketStart(tsMs, unit, tz), key: formatZoned(start, tz) };
    ranges.set(slot, range);
    last = range;
    return range.key;
  };
}
