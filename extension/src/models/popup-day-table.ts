import {
  type Aggregate,
  addEvent,
  emptyAggregate,
  mergeAggregates,
} from '@tokentally/shared/aggregate/aggregate';
import { eventTimeMs, type SummarizableEvent } from '@tokentally/shared/aggregate/event-time';
import type { PartialSummary } from '@tokentally/shared/aggregate/group';
import { createBucketKeyer, dimensionKey } from '@tokentally/shared/aggregate/group-key';
import type { HourRow } from '@tokentally/shared/aggregate/hour-row';
import type { TimeRange } from '../db/summarize-range';
import { BREAKDOWN_DIMENSIONS, type PopupDimension } from './popup-dimensions';

/** One local day of spending: its totals and its groups by each breakdown dimension. */
export interface DayBucket {
  /** The day's start (local midnight) in epoch ms. */
  start: number;
  totals: Aggregate;
  groups: Record<PopupDimension, Map<string, Aggregate>>;
}

/**
 * The mirror summed per local day of `tz`, up to and including `seq` (the event with that seq has id `seq_id`,
 * so a mirror emptied and refilled from another daemon is told apart). Every popup figure is a sum of days, so the
 * popup reads this one record instead of thousands of rollups.
 */
export interface DayTable {
  tz: string;
  seq: number;
  seq_id: string | null;
  /** Keyed by the day's start as RFC 3339 with its offset (shared's day bucket key). */
  days: Map<string, DayBucket>;
}

/** A table of nothing yet. */
export function emptyDayTable(tz: string): DayTable {
  return { tz, seq: 0, seq_id: null, days: new Map() };
}

/** A bucket's groups with nothing in them yet. */
export const emptyGroups = (): DayBucket['groups'] => ({
  model: new Map(),
  provider: new Map(),
  agent: new Map(),
  project: new Map(),
});

/** Adds an aggregate to a group's sum (the aggregates themselves are never changed, only replaced). */
export function addToGroup(groups: Map<string, Aggregate>, key: string, aggregate: Aggregate): void {
  const known = groups.get(key);
  groups.set(key, known === undefined ? aggregate : mergeAggregates(known, aggregate));
}

type Labelled = Parameters<typeof dimensionKey>[1];

const copyBucket = (bucket: DayBucket): DayBucket => ({
  start: bucket.start,
  totals: bucket.totals,
  groups: {
    model: new Map(bucket.groups.model),
    provider: new Map(bucket.groups.provider),
    agent: new Map(bucket.groups.agent),
    project: new Map(bucket.groups.project),
  },
});

// Adds pieces (events or hour rows, as aggregates) to a copy of the table; a day is copied before it first changes,
// so the table added to stays as it was.
function addPieces<T>(
  table: DayTable,
  pieces: Iterable<T>,
  read: (piece: T) => { ts: number; labels: Labelled; aggregate: Aggregate },
  seq: number,
  seqId: string | null,
): DayTable {
  const days = new Map(table.days);
  const copied = new Set<string>();
  const dayKey = createBucketKeyer('day', table.tz);
  for (const piece of pieces) {
    const { ts, labels, aggregate } = read(piece);
    const key = dayKey(ts);
    let bucket = days.get(key);
    if (bucket === undefined)
      bucket = { start: Date.parse(key), totals: emptyAggregate(), groups: emptyGroups() };
    else if (!copied.has(key)) bucket = copyBucket(bucket);
    copied.add(key);
    days.set(key, bucket);
    bucket.totals = mergeAggregates(bucket.totals, aggregate);
    for (const { id } of BREAKDOWN_DIMENSIONS)
      addToGroup(bucket.groups[id], dimensionKey(id, labels), aggregate);
  }
  return { tz: table.tz, seq, seq_id: seqId, days };
}

/** The table with these events added and its seq moved to `seq` (the id of that event: `seqId`). */
export function addEventsToTable(
  table: DayTable,
  events: Iterable<SummarizableEvent>,
  seq: number,
  seqId: string | null,
): DayTable {
  const read = (event: SummarizableEvent) => ({
    ts: eventTimeMs(event),
    labels: event,
    aggregate: addEvent(emptyAggregate(), event),
  });
  return addPieces(table, events, read, seq, seqId);
}

/** The table with hour rows added (exact only where local midnights fall on whole UTC hours: `isWholeHourAligned`). */
export function addRowsToTable(
  table: DayTable,
  rows: Iterable<HourRow>,
  seq: number,
  seqId: string | null,
): DayTable {
  // Copied into a bare aggregate so the cache does not keep each row's labels a second time.
  const read = (row: HourRow) => ({
    ts: row.hour_start_ms,
    labels: row,
    aggregate: mergeAggregates(emptyAggregate(), row),
  });
  return addPieces(table, rows, read, seq, seqId);
}

const inRange = (start: number, range: TimeRange): boolean =>
  (range.from === undefined || start >= range.from) && (range.to === undefined || start < range.to);

/** The partial summary of the days starting in `range` (day-aligned), grouped by `dimension` when given. */
export function tablePartial(table: DayTable, range: TimeRange, dimension?: PopupDimension): PartialSummary {
  let totals = emptyAggregate();
  const groups = new Map<string, Aggregate>();
  for (const bucket of table.days.values()) {
    if (!inRange(bucket.start, range)) continue;
    totals = mergeAggregates(totals, bucket.totals);
    if (dimension === undefined) continue;
    for (const [key, aggregate] of bucket.groups[dimension]) addToGroup(groups, key, aggregate);
  }
  return { totals, groups };
}
