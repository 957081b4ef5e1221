import type Database from 'better-sqlite3';
import type { LabelFilter } from '@tokentally/shared/aggregate/event-filter';
import { EVENT_COLUMNS, type EventRow, readEventRow } from './event-row';
import { addLabelFilter, addTimeRange, where, whereSql } from './sql-filter';
import { statementCache } from './statement-cache';

/** Which stored events to read: `after < seq <= upTo`, `from <= ts < to`, and label filters. */
export interface EventSelection {
  after: number;
  upTo?: number | undefined;
  from: number;
  to: number;
  filter: LabelFilter;
}

/** Reads stored events in seq order. */
export interface EventQueries {
  /** At most `limit` events of the selection, in seq order. */
  page(selection: EventSelection, limit: number): EventRow[];
  /** Every event of the selection, read page by page so the connection is never held by an open cursor. */
  iterate(selection: EventSelection, pageSize?: number): Generator<EventRow, void, undefined>;
  /** How many events are stored. */
  count(): number;
  /** The earliest and latest event time of a selection, or null when it is empty. */
  timeRange(selection: EventSelection): { min: number; max: number } | null;
}

/** Prepares the event read queries of a connection. */
export function createEventQueries(db: Database.Database): EventQueries {
  const prepared = statementCache(db);
  const countAll = db.prepare('SELECT count(*) FROM events').pluck();

  function selectionWhere(selection: EventSelection): ReturnType<typeof where> {
    const condition = where();
    condition.clauses.push('seq > ?');
    condition.params.push(selection.after);
    if (selection.upTo !== undefined) {
      condition.clauses.push('seq <= ?');
      condition.params.push(selection.upTo);
    }
    addTimeRange(condition, 'ts', selection.from, selection.to);
    addLabelFilter(condition, selection.filter);
    return condition;
  }

  function page(selection: EventSelection, limit: number): EventRow[] {
    const condition = selectionWhere(selection);
    const sql = `SELECT ${EVENT_COLUMNS.join(', ')} FROM events ${whereSql(condition)} ORDER BY seq LIMIT ?`;
    const rows = prepared(sql)
      .raw(true)
      .all(...condition.params, limit);
    return rows.map((row) => readEventRow(Array.isArray(row) ? row : []));
  }

  return {
    page,
    *iterate(selection, pageSize = 1000) {
      let after = selection.after;
      for (;;) {
        const rows = page({ ...selection, after }, pageSize);
        yield* rows;
        const last = rows.at(-1);
        if (last === undefined || rows.length < pageSize) return;
        after = last[0];
      }
    },
    count() {
      const value = countAll.get();
      return typeof value === 'number' ? value : 0;
    },
    timeRange(selection) {
      const condition = selectionWhere(selection);
      const row: unknown = prepared(`SELECT min(ts), max(ts) FROM events ${whereSql(condition)}`)
        .raw(true)
        .get(...condition.params);
      if (!Array.isArray(row)) return null;
      const min: unknown = row[0];
      const max: unknown = row[1];
      return typeof min === 'number' && typeof max === 'number' ? { min, max } : null;
    },
  };
}
