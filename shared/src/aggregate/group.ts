import type { GroupBy } from '../api/summary';
import { type Aggregate, addEvent, emptyAggregate, mergeAggregates } from './aggregate';
import { eventTimeMs, type SummarizableEvent } from './event-time';
import { createBucketKeyer, type Dimension, dimensionKey } from './group-key';
import type { HourRow, RowGroupBy } from './hour-row';
import { isTimeUnit } from './time-bucket';

/** A summary before its figures are finalized: mergeable, so partial results (rows, raw edges) can be combined. */
export interface PartialSummary {
  totals: Aggregate;
  groups: Map<string, Aggregate>;
}

/**
 * How to summarize: `group_by` (none gives totals only), the IANA zone `tz` for time buckets (validated by the
 * caller with `parseTimeZone`), and the range `from <= ts < to` in epoch ms.
 */
export interface SummaryOptions {
  group_by?: GroupBy | undefined;
  tz: string;
  from?: number | undefined;
  to?: number | undefined;
}

/** Summary options for hour rows, which cannot be grouped by `session_id` or `tool`. */
export type RowSummaryOptions = Omit<SummaryOptions, 'group_by'> & { group_by?: RowGroupBy | undefined };

/** A partial summary of nothing. */
export function emptyPartialSummary(): PartialSummary {
  return { totals: emptyAggregate(), groups: new Map() };
}

/** Combines partial summaries of disjoint sets of events grouped the same way. */
export function mergePartialSummaries(a: PartialSummary, b: PartialSummary): PartialSummary {
  const groups = new Map(a.groups);
  for (const [key, aggregate] of b.groups) {
    const existing = groups.get(key);
    groups.set(key, existing === undefined ? aggregate : mergeAggregates(existing, aggregate));
  }
  return { totals: mergeAggregates(a.totals, b.totals), groups };
}

type KeyOf<T> = (item: T, tsMs: number) => string;

function keyerFor<T extends object>(
  groupBy: GroupBy | undefined,
  tz: string,
  label: (dimension: Dimension, item: T) => string,
): KeyOf<T> | undefined {
  if (groupBy === undefined) return undefined;
  if (isTimeUnit(groupBy)) {
    const keyer = createBucketKeyer(groupBy, tz);
    return (_item, tsMs) => keyer(tsMs);
  }
  return (item) => label(groupBy, item);
}

const inRange = (tsMs: number, from: number | undefined, to: number | undefined): boolean =>
  (from === undefined || tsMs >= from) && (to === undefined || tsMs < to);

/** Groups events into a partial summary; only events with `from <= ts < to` count. */
export function groupEvents(events: Iterable<SummarizableEvent>, options: SummaryOptions): PartialSummary {
  const keyOf = keyerFor<SummarizableEvent>(options.group_by, options.tz, dimensionKey);
  let totals = emptyAggregate();
  const groups = new Map<string, Aggregate>();
  for (const event of events) {
    const tsMs = eventTimeMs(event);
    if (!inRange(tsMs, options.from, options.to)) continue;
    totals = addEvent(totals, event);
    if (keyOf === undefined) continue;
    const key = keyOf(event, tsMs);
    groups.set(key, addEvent(groups.get(key) ?? emptyAggregate(), event));
  }
  return { totals, groups };
}

/**
 * Regroups hour rows by a label or into local hours, days, weeks or months. Exact only where `isWholeHourAligned`
 * holds for the zone and range (elsewhere a row is counted in the bucket of its hour's start) and when `from`
 * and `to` are whole UTC hours (a row counts when its hour starts in the range).
 */
export function groupRows(rows: Iterable<HourRow>, options: RowSummaryOptions): PartialSummary {
  const keyOf = keyerFor<HourRow>(options.group_by, options.tz, (dimension, row) =>
    dimensionKey(dimension, row),
  );
  let totals = emptyAggregate();
  const groups = new Map<string, Aggregate>();
  for (const row of rows) {
    if (!inRange(row.hour_start_ms, options.from, options.to)) continue;
    totals = mergeAggregates(totals, row);
    if (keyOf === undefined) continue;
    const key = keyOf(row, row.hour_start_ms);
    groups.set(key, mergeAggregates(groups.get(key) ?? emptyAggregate(), row));
  }
  return { totals, groups };
}
