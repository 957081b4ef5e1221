import { mergeAggregates } from '@tokentally/shared/aggregate/aggregate';
import { type HourRow, hourRowOf } from '@tokentally/shared/aggregate/hour-row';
import { HOUR_MS } from '@tokentally/shared/aggregate/time-bucket';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { RollupHour, TokentallyMirror } from './mirror-db';
import { rollupKey } from './rollup-key';

const ascending = (a: number, b: number): number => a - b;

/**
 * The stored records of these hours. Hours close together (a catch-up fills consecutive hours) are read in one
 * range request; scattered ones (a live event and a late one from last week) one get each, rather than reading
 * every hour between them.
 */
export async function readRollupHours(
  db: TokentallyMirror,
  hours: readonly number[],
): Promise<Map<number, RollupHour>> {
  const sorted = [...hours].sort(ascending);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return new Map();
  const span = (last - first) / HOUR_MS + 1;
  const records =
    span <= 2 * sorted.length + 8
      ? await db.rollup_hours.where('hour_start_ms').between(first, last, true, true).toArray()
      : (await db.rollup_hours.bulkGet(sorted)).filter((record) => record !== undefined);
  return new Map(records.map((record) => [record.hour_start_ms, record]));
}

/** An hour's rollup rows with these events (all of that hour) folded in, one row per `rollupKey`. */
export function foldIntoRows(stored: readonly HourRow[], events: readonly StoredEvent[]): HourRow[] {
  const rows = new Map(stored.map((row) => [rollupKey(row), row]));
  for (const event of events) {
    const row = hourRowOf(event);
    const key = rollupKey(row);
    const known = rows.get(key);
    rows.set(key, known === undefined ? row : { ...known, ...mergeAggregates(known, row) });
  }
  return [...rows.values()];
}

/** The rollup rows of every hour record, in one list. */
export function rowsOf(records: readonly RollupHour[]): HourRow[] {
  return records.flatMap((record) => record.rows);
}
