import type { ExportQuery } from '../api/query';
import type { StoredEvent } from '../schema/stored-event';
import { csvHeader, csvRow } from './csv';
import { jsonExportEvent, jsonExportHead, jsonExportTail, ndjsonLine } from './json-export';
import type { ExportStatistics } from './statistics';

/** The formats of `GET /v1/export`. */
export type ExportFormat = ExportQuery['format'];

/** What to write: CSV and NDJSON need nothing more; JSON opens with statistics the caller computed beforehand. */
export type ExportTarget = { format: 'csv' | 'ndjson' } | { format: 'json'; statistics: ExportStatistics };

/** The Content-Type each export format is served with. */
export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
} as const satisfies Record<ExportFormat, string>;

/** A download name for an export, like `tokentally-2025-03-01.csv`; `date` is the caller's RFC 3339 time or date. */
export function exportFileName(format: ExportFormat, date: string): string {
  return `tokentally-${date.slice(0, 10)}.${format}`;
}

/** Tuning for `exportChunks`. */
export interface ExportChunkOptions {
  /** Characters gathered before a chunk is yielded; fewer, larger writes are cheaper than one per event. */
  chunkSize?: number;
}

function* pieces(target: ExportTarget, events: Iterable<StoredEvent>): Generator<string> {
  switch (target.format) {
    case 'csv':
      yield csvHeader();
      for (const event of events) yield csvRow(event);
      return;
    case 'ndjson':
      for (const event of events) yield ndjsonLine(event);
      return;
    case 'json': {
      yield jsonExportHead(target.statistics);
      let index = 0;
      for (const event of events) yield jsonExportEvent(event, index++);
      yield jsonExportTail(index);
      return;
    }
    default:
      target satisfies never;
  }
}

/**
 * An export as a lazy sequence of strings, pulling one event at a time from `events` (e.g. a SQLite cursor), so
 * millions of events stream without one giant string. Joined, the chunks are exactly the whole export.
 */
export function* exportChunks(
  target: ExportTarget,
  events: Iterable<StoredEvent>,
  { chunkSize = 64 * 1024 }: ExportChunkOptions = {},
): Generator<string, void, undefined> {
  let buffer = '';
  for (const piece of pieces(target, events)) {
    buffer += piece;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}
