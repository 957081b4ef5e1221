import { emptyAggregate } from '@tokentally/shared/aggregate/aggregate';
import { finalizeMetrics } from '@tokentally/shared/aggregate/metrics';
import { bucketStart, nextBucketStart } from '@tokentally/shared/aggregate/time-bucket';
import { formatZoned } from '@tokentally/shared/aggregate/time-zone';
import type { SummaryGroup, SummaryMetrics } from '@tokentally/shared/api/summary';
import type { TokentallyMirror } from './mirror-db';
import { todayRange } from './ranges';
import { summarizeRange, type TimeRange } from './summarize-range';

/** The labels the popup breaks spending down by. */
export type BreakdownDimension = 'model' | 'provider' | 'agent' | 'project' | 'source';

/** Requests, tokens and cost of a range (every `GET /v1/summary` total). */
export async function totalsForRange(db: TokentallyMirror, range: TimeRange): Promise<SummaryMetrics> {
  return (await summarizeRange(db, range)).totals;
}

/** What today cost so far in `tz`, in USD (the badge's figure). */
export async function spendToday(db: TokentallyMirror, now: number, tz: string): Promise<number> {
  return (await totalsForRange(db, todayRange(now, tz))).cost_usd;
}

/**
 * Spending of a range grouped by a label, most expensive first; a missing label is `(none)` and agents roll up
 * to their top level (`main/researcher` counts under `main`).
 */
export async function breakdown(
  db: TokentallyMirror,
  dimension: BreakdownDimension,
  range: TimeRange,
): Promise<SummaryGroup[]> {
  return (await summarizeRange(db, { ...range, group_by: dimension })).groups;
}

/**
 * One group per local day of `tz` from the day holding `from` to the one before `to`, oldest first, days without
 * events included with zeros (ready for a chart). Keys are the days' starts in RFC 3339 with their offset.
 */
export async function dailySeries(
  db: TokentallyMirror,
  range: { from: number; to: number },
  tz: string,
): Promise<SummaryGroup[]> {
  const first = bucketStart(range.from, 'day', tz);
  const summary = await summarizeRange(db, { from: first, to: range.to, group_by: 'day', tz });
  const byKey = new Map(summary.groups.map((group) => [group.key, group]));
  const series: SummaryGroup[] = [];
  for (let start = first; start < range.to; start = nextBucketStart(start, 'day', tz)) {
    const key = formatZoned(start, tz);
    series.push(byKey.get(key) ?? { key, ...finalizeMetrics(emptyAggregate()), share_of_cost: 0 });
  }
  return series;
}
