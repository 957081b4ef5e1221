import type { GroupBy, Summary, SummaryGroup } from '../api/summary';
import type { Aggregate } from './aggregate';
import type { SummarizableEvent } from './event-time';
import {
  groupEvents,
  groupRows,
  type PartialSummary,
  type RowSummaryOptions,
  type SummaryOptions,
} from './group';
import type { HourRow } from './hour-row';
import { finalizeMetrics } from './metrics';
import { isTimeUnit } from './time-bucket';

interface KeyedGroup {
  key: string;
  aggregate: Aggregate;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Time buckets read as a timeline; labels read as a ranking: most expensive first, then busiest, then by name.
function compareGroups(groupBy: GroupBy): (a: KeyedGroup, b: KeyedGroup) => number {
  if (isTimeUnit(groupBy)) return (a, b) => Date.parse(a.key) - Date.parse(b.key);
  return (a, b) =>
    b.aggregate.cost_nanos - a.aggregate.cost_nanos ||
    b.aggregate.requests - a.aggregate.requests ||
    byKey(a.key, b.key);
}

/**
 * Turns a partial summary into the answer of `GET /v1/summary`: totals, and groups sorted (time buckets oldest
 * first; labels by cost, then requests, descending, then key), each with its share of the total cost (0 when
 * nothing cost anything).
 */
export function finalizeSummary(partial: PartialSummary, groupBy: GroupBy | undefined): Summary {
  const totalCost = partial.totals.cost_nanos;
  const keyed = [...partial.groups].map(([key, aggregate]) => ({ key, aggregate }));
  if (groupBy !== undefined) keyed.sort(compareGroups(groupBy));
  const groups = keyed.map(({ key, aggregate }): SummaryGroup => ({
    key,
    ...finalizeMetrics(aggregate),
    share_of_cost: totalCost > 0 ? aggregate.cost_nanos / totalCost : 0,
  }));
  return { totals: finalizeMetrics(partial.totals), groups };
}

/** Summarizes events: totals and groups for `from <= ts < to`, time buckets in the zone `tz`. */
export function summarize(events: Iterable<SummarizableEvent>, options: SummaryOptions): Summary {
  return finalizeSummary(groupEvents(events, options), options.group_by);
}

/** Summarizes hour rows like `summarize` does events (see `groupRows` for when the result is exact). */
export function summarizeRows(rows: Iterable<HourRow>, options: RowSummaryOptions): Summary {
  return finalizeSummary(groupRows(rows, options), options.group_by);
}
