import { isWholeHourAligned } from '@tokentally/shared/aggregate/hour-alignment';
import { HOUR_MS } from '@tokentally/shared/aggregate/time-bucket';
import { forEachEventChunk } from '../db/events-in-range';
import { lastSeqMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import type { PopupCache } from './popup-cache';
import { addEventsToTable, addRowsToTable, type DayTable, emptyDayTable } from './popup-day-table';

/** Beyond this many new events, summing the rollups again is cheaper than reading each new event. */
export const MAX_EVENTS_ADDED = 10_000;

/** The day table, and whether it changed since it was last saved. */
export interface SyncedTable {
  table: DayTable;
  changed: boolean;
}

async function stillValid(db: TokentallyMirror, table: DayTable, lastSeq: number): Promise<boolean> {
  if (table.seq > lastSeq) return false;
  if (table.seq === 0) return true;
  return (await db.events.get(table.seq))?.id === table.seq_id;
}

// Sums the whole mirror per day: from the hour rollups where local midnights fall on whole UTC hours, otherwise
// (a +05:30 zone) from every event, once.
async function rebuild(db: TokentallyMirror, tz: string): Promise<DayTable> {
  const snapshot = await db.transaction('r', db.events, db.rollups, db.meta, async () => {
    const lastSeq = (await lastSeqMeta.read(db)) ?? 0;
    const last = lastSeq === 0 ? undefined : await db.events.get(lastSeq);
    const rows = await db.rollups.toArray();
    return { lastSeq, lastId: last?.id ?? null, rows };
  });
  const { lastSeq, lastId, rows } = snapshot;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    first = Math.min(first, row.hour_start_ms);
    last = Math.max(last, row.hour_start_ms);
  }
  const aligned = rows.length === 0 || isWholeHourAligned(tz, first, last + HOUR_MS);
  if (aligned) return addRowsToTable(emptyDayTable(tz), rows, lastSeq, lastId);
  let table = emptyDayTable(tz);
  await forEachEventChunk(db, {}, (chunk) => {
    table = addEventsToTable(
      table,
      chunk.filter((event) => event.seq <= lastSeq),
      lastSeq,
      lastId,
    );
  });
  return table;
}

/**
 * Brings the cached day table of `tz` up to the mirror: unchanged when nothing new was mirrored, the new events
 * added when a few arrived, rebuilt when many did or when the mirror was emptied or refilled since.
 */
export async function syncDayTable(
  db: TokentallyMirror,
  cache: PopupCache,
  tz: string,
): Promise<SyncedTable> {
  const [cached, lastSeq] = await Promise.all([cache.day_tables.get(tz), lastSeqMeta.read(db)]);
  const upTo = lastSeq ?? 0;
  if (cached !== undefined && upTo - cached.seq <= MAX_EVENTS_ADDED && (await stillValid(db, cached, upTo))) {
    if (cached.seq === upTo) return { table: cached, changed: false };
    const added = await db.events.where(':id').between(cached.seq, upTo, false, true).toArray();
    const newest = added.at(-1);
    return {
      table: addEventsToTable(cached, added, newest?.seq ?? cached.seq, newest?.id ?? cached.seq_id),
      changed: true,
    };
  }
  return { table: await rebuild(db, tz), changed: true };
}

/** Saves the table for the next opening; a failure only costs a rebuild then. */
export async function saveDayTable(cache: PopupCache, table: DayTable): Promise<void> {
  await cache.day_tables.put(table).catch((error: unknown) => {
    console.warn('tokentally: could not cache the day table', error);
  });
}
