import { formatCount } from '@tokentally/shared/report/format-number';
import type { ExportSectionState, ExportStatus } from '../../models/popup-export';

/** Props of the export panel. */
export interface ExportPanelProps {
  state: ExportSectionState;
  onEdit: (field: 'format' | 'from' | 'to', value: string) => void;
  onExport: () => void;
}

function statusText(status: ExportStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'exporting':
      return 'Exporting…';
    case 'done':
      return `Saved ${status.file} (${formatCount(status.events)} events).`;
    case 'error':
      return status.message;
    default:
      return status satisfies never;
  }
}

/** Export of the mirrored history of chosen days as CSV or JSON, in the daemon's export format. */
export function ExportPanel({ state, onEdit, onExport }: ExportPanelProps) {
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <form
        class="row export"
        onSubmit={(event) => {
          event.preventDefault();
          onExport();
        }}
      >
        <label>
          First day
          <input
            type="date"
            data-testid="export-from"
            value={state.from}
            onInput={(event) => {
              onEdit('from', event.currentTarget.value);
            }}
          />
        </label>
        <label>
          Last day
          <input
            type="date"
            data-testid="export-to"
            value={state.to}
            onInput={(event) => {
              onEdit('to', event.currentTarget.value);
            }}
          />
        </label>
        <label>
          Format
          <select
            data-testid="export-format"
            value={state.format}
            onChange={(event) => {
              onEdit('format', event.currentTarget.value);
            }}
          >
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
        <button type="submit" data-testid="export" disabled={state.status.state === 'exporting'}>
          Export
        </button>
      </form>
      <p
        role="status"
        data-testid="export-status"
        data-state={state.status.state}
        class={state.status.state === 'error' ? 'error' : 'note'}
      >
        {statusText(state.status)}
      </p>
    </section>
  );
}
