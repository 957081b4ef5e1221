import type Database from 'better-sqlite3';
import { NONE_KEY, topLevelAgent } from '@tokentally/shared/aggregate/agent';
import { type Aggregate, mergeAggregates } from '@tokentally/shared/aggregate/aggregate';
import type { LabelFilter } from '@tokentally/shared/aggregate/event-filter';
import { type PartialSummary, emptyPartialSummary } from '@tokentally/shared/aggregate/group';
import { createBucketKeyer } from '@tokentally/shared/aggregate/group-key';
import { isWholeHourAligned } from '@tokentally/shared/aggregate/hour-alignment';
import { isTimeUnit } from '@tokentally/shared/aggregate/time-bucket';
import type { GroupBy } from '@tokentally/shared/api/summary';
import { EVENT_FIGURES_SQL, ROLLUP_FIGURES } from './rollups';
import { type Segment, planSegments, type SegmentLevel } from './segments';
import { addLabelFilter, addTimeRange, where, whereSql } from './sql-filter';
import { statementCache } from './statement-cache';

/** What to summarize: events with `from <= ts < to` (unbounded when absent) matching the filter. */
export interface SummaryRequest {
  filter: LabelFilter;
  from?: number | undefined;
  to?: number | undefined;
  groupBy?: GroupBy | undefined;
  /** A zone already validated with `parseTimeZone`. */
  tz: string;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

function toAggregate(row: readonly unknown[]): Aggregate {
  const n = (i: number): number => {
    const value = row[i + 1];
    return typeof value === 'number' ? value : 0;
  };
  return {
    requests: n(0),
    input_tokens: n(1),
    output_tokens: n(2),
    cache_creation_input_tokens: n(3),
    cache_creation_1h_input_tokens: n(4),
    cache_read_input_tokens: n(5),
    reasoning_tokens: n(6),
    total_tokens: n(7),
    cost_nanos: n(8),
    unpriced_requests: n(9),
    unpriced_tokens: n(10),
    errors: n(11),
    duration_ms: n(12),
  };
}

function labelKey(groupBy: GroupBy, value: unknown): string {
  if (typeof value !== 'string' || value === '') return NONE_KEY;
  return groupBy === 'agent' ? topLevelAgent(value) : value;
}

/**
 * Summaries from the rollups: whole UTC days from `rollup_day`, whole hours from `rollup_hour` (their `_total`
 * twins when nothing filters or groups by label), and only the partial hours at the edges of the range from
 * `events` (an indexed range scan of at most two hours). Raw events
 * are scanned for the whole range only when rollups cannot answer: a `session_id` filter, grouping by
 * `session_id` or `tool` (rollups do not keep them), or time buckets in a zone whose boundaries are not whole
 * UTC hours (Asia/Kolkata); those scans are still grouped in SQL.
 */
export function createSummaryQueries(
  db: Database.Database,
  deps: { timeRange: () => { min: number; max: number } | null },
): { partial(request: SummaryRequest): PartialSummary } {
  const prepared = statementCache(db);

  function level(request: SummaryRequest, unitAligned: boolean): SegmentLevel {
    const { filter, groupBy, tz } = request;
    if (filter.session_id !== undefined || groupBy === 'session_id' || groupBy === 'tool' || !unitAligned) {
      return 'events';
    }
    if (groupBy === undefined || !isTimeUnit(groupBy)) return 'day';
    return groupBy !== 'hour' && tz === 'UTC' ? 'day' : 'hour';
  }

  function querySegment(segment: Segment, request: SummaryRequest, slotMs: number): unknown[][] {
    const isEvents = segment.table === 'events';
    const timeColumn = isEvents ? 'ts' : 'bucket_ms';
    const { groupBy } = request;
    const unlabeled =
      Object.values(request.filter).every((value) => value === undefined) &&
      (groupBy === undefined || isTimeUnit(groupBy));
    const table = !isEvents && unlabeled ? `${segment.table}_total` : segment.table;
    let key = '0';
    if (groupBy !== undefined) {
      if (!isTimeUnit(groupBy)) key = groupBy;
      else key = isEvents ? `ts - ts % ${slotMs}` : 'bucket_ms';
    }
    const figures = isEvents ? EVENT_FIGURES_SQL : ROLLUP_FIGURES.map((f) => `coalesce(sum(${f}), 0)`);
    const condition = where();
    addTimeRange(condition, timeColumn, segment.from, segment.to);
    addLabelFilter(condition, request.filter);
    const groupSql = groupBy === undefined ? '' : 'GROUP BY 1';
    const sql = `SELECT ${key}, ${figures.join(', ')} FROM ${table} ${whereSql(condition)} ${groupSql}`;
    const rows = prepared(sql)
      .raw(true)
      .all(...condition.params);
    return rows.filter((row): row is unknown[] => Array.isArray(row));
  }

  return {
    partial(request) {
      const { groupBy, tz } = request;
      const unit = groupBy !== undefined && isTimeUnit(groupBy) ? groupBy : undefined;
      let aligned = true;
      if (unit !== undefined && tz !== 'UTC') {
        const range = deps.timeRange();
        if (range === null) return emptyPartialSummary();
        aligned = isWholeHourAligned(tz, request.from ?? range.min, request.to ?? range.max);
      }
      const slotMs = aligned ? HOUR_MS : QUARTER_HOUR_MS;
      const lo = request.from ?? Number.NEGATIVE_INFINITY;
      const hi = request.to ?? Number.POSITIVE_INFINITY;
      const keyer = unit === undefined ? undefined : createBucketKeyer(unit, tz);
      const partial = emptyPartialSummary();
      for (const segment of planSegments(lo, hi, level(request, aligned))) {
        for (const row of querySegment(segment, request, slotMs)) {
          const aggregate = toAggregate(row);
          if (aggregate.requests === 0) continue;
          partial.totals = mergeAggregates(partial.totals, aggregate);
          if (groupBy === undefined) continue;
          const key = keyer === undefined ? labelKey(groupBy, row[0]) : keyer(Number(row[0]));
          const existing = partial.groups.get(key);
          partial.groups.set(key, existing === undefined ? aggregate : mergeAggregates(existing, aggregate));
        }
      }
      return partial;
    },
  };
}
