import { isWholeHourAligned } from '@tokentally/shared/aggregate/hour-alignment';
import { HOUR_MS } from '@tokentally/shared/aggregate/time-bucket';
import { forEachEventChunk } from '../db/events-in-range';
import { lastEventMeta } from '../db/meta';
import type { MirroredEvent, TokentallyMirror } from '../db/mirror-db';
import { rowsOf } from '../db/rollup-hours';
import type { PopupCache } from './popup-cache';
import { addEventsToTable, addRowsToTable, type DayTable, emptyDayTable } from './popup-day-table';

/** Beyond this many new events, summing the rollups again is cheaper than reading each new event. */
export const MAX_EVENTS_ADDED = 10_000;

/** The day table, and whether it changed since it was last saved. */
export interface SyncedTable {
  table: DayTable;
  changed: boolean;
}

// The events after the table's seq up to `upTo`, in seq order, or undefined when the event at the table's seq
// is no longer the one it counted (the mirror was emptied and refilled since). Only the chunks ending at or after
// that seq are read.
async function eventsAddedTo(
  db: TokentallyMirror,
  table: DayTable,
  upTo: number,
): Promise<MirroredEvent[] | undefined> {
  const chunks = await db.event_chunks.where('last_seq').aboveOrEqual(table.seq).toArray();
  let counted = table.seq === 0;
  const added: MirroredEvent[] = [];
  for (const chunk of chunks) {
    for (const event of chunk.events) {
      if (event.seq === table.seq) counted = event.id === table.seq_id;
      else if (event.seq > table.seq && event.seq <= upTo) added.push(event);
    }
  }
  return counted ? added.sort((a, b) => a.seq - b.seq) : undefined;
}

// Sums the whole mirror per day: from the hour rollups where local midnights fall on whole UTC hours, otherwise
// (a +05:30 zone) from every event, once.
async function rebuild(db: TokentallyMirror, tz: string): Promise<DayTable> {
  const snapshot = await db.transaction('r', db.rollup_hours, db.meta, async () => {
    const [newest, hours] = await Promise.all([lastEventMeta.read(db), db.rollup_hours.toArray()]);
    return { lastSeq: newest?.seq ?? 0, lastId: newest?.id ?? null, hours };
  });
  const { lastSeq, lastId, hours } = snapshot;
  const first = hours[0]?.hour_start_ms;
  const last = hours.at(-1)?.hour_start_ms;
  const aligned = first === undefined || last === undefined || isWholeHourAligned(tz, first, last + HOUR_MS);
  if (aligned) return addRowsToTable(emptyDayTable(tz), rowsOf(hours), lastSeq, lastId);
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
 * added when a few arrived, rebuilt when many did or when the mirror was emptied or refilled since (told by the
 * id of the event at the table's seq).
 */
export async function syncDayTable(
  db: TokentallyMirror,
  cache: PopupCache,
  tz: string,
): Promise<SyncedTable> {
  const [cached, newest] = await Promise.all([cache.day_tables.get(tz), lastEventMeta.read(db)]);
  const upTo = newest?.seq ?? 0;
  if (cached !== undefined && cached.seq <= upTo && upTo - cached.seq <= MAX_EVENTS_ADDED) {
    if (cached.seq === upTo && cached.seq_id === (newest?.id ?? null))
      return { table: cached, changed: false };
    const added = cached.seq === upTo ? undefined : await eventsAddedTo(db, cached, upTo);
    const last = added?.at(-1);
    if (added !== undefined && last !== undefined) {
      return { table: addEventsToTable(cached, added, last.seq, last.id), changed: true };
    }
  }
  return { table: await rebuild(db, tz), changed: true };
}

/** Saves the table for the next opening; a failure only costs a rebuild then. */
export async function saveDayTable(cache: PopupCache, table: DayTable): Promise<void> {
  await cache.day_tables.put(table).catch((error: unknown) => {
    console.warn('tokentally: could not cache the day table', error);
  });
}
