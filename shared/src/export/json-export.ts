import type { StoredEvent } from '../schema/stored-event';
import { type ExportStatistics, exportStatistics } from './statistics';

// Each event on its own line keeps a big export greppable and lets the daemon write it piece by piece.

/** The opening of a JSON export, `{"statistics":{...},"events":[`; statistics come first so a reader sees them at once. */
export function jsonExportHead(statistics: ExportStatistics): string {
  return `{"statistics":${JSON.stringify(statistics)},"events":[\n`;
}

/** One event of a JSON export; `index` is its position in the export (every event after the first is comma-led). */
export function jsonExportEvent(event: StoredEvent, index: number): string {
  return `${index === 0 ? '' : ',\n'}${JSON.stringify(event)}`;
}

/** The closing of a JSON export, after the last event. */
export function jsonExportTail(eventCount: number): string {
  return eventCount === 0 ? ']}\n' : '\n]}\n';
}

/** A whole JSON export, `{statistics, events}`, as one string; `generatedAt` is the caller's RFC 3339 time. */
export function toJsonExport(events: readonly StoredEvent[], generatedAt: string): string {
  let text = jsonExportHead(exportStatistics(events, generatedAt));
  events.forEach((event, index) => (text += jsonExportEvent(event, index)));
  return text + jsonExportTail(events.length);
}

/** One event as an NDJSON line: compact JSON and a LF. */
export function ndjsonLine(event: StoredEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/** A whole NDJSON export, one stored event per line. */
export function toNdjson(events: Iterable<StoredEvent>): string {
  let text = '';
  for (const event of events) text += ndjsonLine(event);
  return text;
}
