import { EXPORT_CONTENT_TYPES, exportFileName } from '@tokentally/shared/export/export-chunks';
import type { TokentallyMirror } from '../db/mirror-db';
import { lastDaysRange } from '../db/ranges';
import { dateRange, localDate } from '../export/date-range';
import { exportFromMirror, type PopupExportFormat } from '../export/mirror-export';
import { createValueStore, type ValueStore } from './value-store';

/** Where an export stands. */
export type ExportStatus =
  | { state: 'idle' }
  | { state: 'exporting' }
  | { state: 'done'; file: string; events: number }
  | { state: 'error'; message: string };

/** The export form: format and local dates (`YYYY-MM-DD`, both included), and the last export's outcome. */
export interface ExportSectionState {
  format: PopupExportFormat;
  from: string;
  to: string;
  status: ExportStatus;
}

/** What the export section is built from. */
export interface ExportDeps {
  db: TokentallyMirror;
  now: () => number;
  timeZone: () => string;
  /** Saves the file (an `<a download>` to an object URL in the popup). */
  download: (name: string, blob: Blob) => void;
}

/** The export section's state and actions. */
export interface ExportModel {
  store: ValueStore<ExportSectionState>;
  edit(field: 'format' | 'from' | 'to', value: string): void;
  /** Writes the mirrored events of the chosen days as a file, in the daemon's export format. */
  run(): Promise<void>;
}

const DEFAULT_DAYS = 30;

/** Creates the export section's model: by default the last 30 days as CSV. */
export function createExportModel({ db, now, timeZone, download }: ExportDeps): ExportModel {
  const tz = timeZone();
  const last30 = lastDaysRange(now(), tz, DEFAULT_DAYS);
  const store = createValueStore<ExportSectionState>({
    format: 'csv',
    from: localDate(last30.from, tz),
    to: localDate(last30.to - 1, tz),
    status: { state: 'idle' },
  });
  const setStatus = (status: ExportStatus): void => {
    store.set((current) => ({ ...current, status }));
  };

  return {
    store,
    edit(field, value) {
      store.set((current) => {
        if (field !== 'format') return { ...current, [field]: value, status: { state: 'idle' } };
        const format = value === 'json' ? 'json' : 'csv';
        return { ...current, format, status: { state: 'idle' } };
      });
    },
    async run() {
      const { format, from, to } = store.get();
      const range = dateRange(from, to, timeZone());
      if (!range.ok) {
        setStatus({ state: 'error', message: range.message });
        return;
      }
      setStatus({ state: 'exporting' });
      try {
        const generatedAt = new Date(now()).toISOString();
        const built = await exportFromMirror(db, format, range.range, generatedAt);
        const file = exportFileName(format, generatedAt);
        download(file, new Blob(built.parts, { type: EXPORT_CONTENT_TYPES[format] }));
        setStatus({ state: 'done', file, events: built.events });
      } catch (error) {
        setStatus({
          state: 'error',
          message: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
  };
}
