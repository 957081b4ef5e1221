import {
  groupEvents,
  groupRows,
  mergePartialSummaries,
  type PartialSummary,
} from '@tokentally/shared/aggregate/group';
import { isWholeHourAligned } from '@tokentally/shared/aggregate/hour-alignment';
import { type RowGroupBy, utcHourCeil, utcHourStart } from '@tokentally/shared/aggregate/hour-row';
import { finalizeSummary } from '@tokentally/shared/aggregate/summary';
import { HOUR_MS, isTimeUnit } from '@tokentally/shared/aggregate/time-bucket';
import type { Summary } from '@tokentally/shared/api/summary';
import { eventsBetween } from './event-chunks';
import type { MirroredEvent, TokentallyMirror } from './mirror-db';
import { rowsOf } from './rollup-hours';

/** A span of time in epoch ms, `from <= ts < to`; a missing bound is open. */
export interface TimeRange {
  from?: number | undefined;
  to?: number | undefined;
}

/** A summary query over the mirror: a range, a grouping hour rollups can answer, and the zone of time buckets. */
export interface RangeSummaryQuery extends TimeRange {
  group_by?: RowGroupBy | undefined;
  /** IANA zone for `hour`/`day`/`week`/`month` buckets; default UTC. */
  tz?: string | undefined;
}

// The first and last hour holding rollups, from their keys alone.
async function dataBounds(db: TokentallyMirror): Promise<{ first: number; last: number }> {
  const [first] = await db.rollup_hours.orderBy(':id').limit(1).primaryKeys();
  const [last] = await db.rollup_hours.orderBy(':id').reverse().limit(1).primaryKeys();
  return { first: first ?? 0, last: (last ?? 0) + HOUR_MS };
}

async function rowsAreExact(db: TokentallyMirror, query: RangeSummaryQuery, tz: string): Promise<boolean> {
  if (query.group_by === undefined || !isTimeUnit(query.group_by)) return true;
  const bounds = query.from === undefined || query.to === undefined ? await dataBounds(db) : undefined;
  return isWholeHourAligned(tz, query.from ?? bounds?.first ?? 0, query.to ?? bounds?.last ?? 0);
}

/**
 * Groups the mirrored events of a range without scanning them all: whole UTC hours come from the hour rollups,
 * and only the partial hours at either end are read as events. Where local buckets do not fall on whole hours
 * (a +05:30 zone grouped by day), the events themselves are grouped.
 */
export async function partialSummaryOfRange(
  db: TokentallyMirror,
  query: RangeSummaryQuery,
): Promise<PartialSummary> {
  const tz = query.tz ?? 'UTC';
  const options = { tz, group_by: query.group_by };
  const from = query.from ?? Number.NEGATIVE_INFINITY;
  const to = query.to ?? Number.POSITIVE_INFINITY;
  const group = (events: readonly MirroredEvent[]): PartialSummary =>
    groupEvents(events, { ...options, from: query.from, to: query.to });
  if (!(await rowsAreExact(db, query, tz))) return group(await eventsBetween(db, from, to));
  const innerFrom = utcHourCeil(from);
  const innerTo = utcHourStart(to);
  if (innerFrom >= innerTo) return group(await eventsBetween(db, from, to));
  const hours = await db.rollup_hours
    .where('hour_start_ms')
    .between(innerFrom, innerTo, true, false)
    .toArray();
  const inner = groupRows(rowsOf(hours), options);
  const head = group(await eventsBetween(db, from, innerFrom));
  const tail = group(await eventsBetween(db, innerTo, to));
  return mergePartialSummaries(mergePartialSummaries(head, inner), tail);
}

/** Summarizes the mirrored events of a range (the answer `GET /v1/summary` would give, from local data). */
export async function summarizeRange(db: TokentallyMirror, query: RangeSummaryQuery): Promise<Summary> {
  return finalizeSummary(await partialSummaryOfRange(db, query), query.group_by);
}
