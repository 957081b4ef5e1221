import { exportStatisticsFromAggregate, type ExportStatistics } from '@tokentally/shared/export/statistics';
import { csvHeader, csvRow } from '@tokentally/shared/export/csv';
import { jsonExportEvent, jsonExportHead, jsonExportTail } from '@tokentally/shared/export/json-export';
import { eventTimeBounds } from '../db/event-chunks';
import type { TokentallyMirror } from '../db/mirror-db';
import { partialSummaryOfRange, type TimeRange } from '../db/summarize-range';
import { forEachEventBySeq } from './events-by-seq';

/** The formats the popup exports, written exactly as the daemon's `GET /v1/export` writes them. */
export type PopupExportFormat = 'csv' | 'json';

/** An export as the parts of a Blob, and how many events it holds. */
export interface MirrorExport {
  parts: string[];
  events: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// As the daemon does: totals from the rollups, the time range from the events at either end, before any event
// is written.
async function statistics(
  db: TokentallyMirror,
  range: TimeRange,
  generatedAt: string,
): Promise<ExportStatistics> {
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  const [summary, bounds] = await Promise.all([
    partialSummaryOfRange(db, range),
    eventTimeBounds(db, from, to),
  ]);
  return exportStatisticsFromAggregate(summary.totals, {
    generated_at: generatedAt,
    from: bounds === undefined ? null : iso(bounds.first),
    to: bounds === undefined ? null : iso(bounds.last),
  });
}

/**
 * The mirrored events of a range as a CSV or JSON export holding what the daemon's export of the same range holds
 * (the CSV byte for byte; JSON's `generated_at` aside): events in seq order, written with shared's export functions. Each chunk of
 * events becomes one part, so a large export is never one giant string.
 */
export async function exportFromMirror(
  db: TokentallyMirror,
  format: PopupExportFormat,
  range: TimeRange,
  generatedAt: string,
): Promise<MirrorExport> {
  const parts: string[] = [];
  let events = 0;
  if (format === 'csv') parts.push(csvHeader());
  else parts.push(jsonExportHead(await statistics(db, range, generatedAt)));
  await forEachEventBySeq(db, range, (chunk) => {
    const offset = events;
    parts.push(
      format === 'csv'
        ? chunk.map(csvRow).join('')
        : chunk.map((event, index) => jsonExportEvent(event, offset + index)).join(''),
    );
    events += chunk.length;
  });
  if (format === 'json') parts.push(jsonExportTail(events));
  return { parts, events };
}
