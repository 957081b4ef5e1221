import { useEffect } from 'preact/hooks';
import type { PopupModel } from '../../models/popup-model';
import { BreakdownPanel } from './breakdown-panel';
import { BudgetBars } from './budget-bars';
import { ConnectionLine } from './connection-line';
import { CountPanel } from './count-panel';
import { DailyChart } from './daily-chart';
import { ExportPanel } from './export-panel';
import { TotalsTable } from './totals-table';
import { useStore } from '../use-store';

/** Props of the popup. */
export interface PopupAppProps {
  model: PopupModel;
  onOpenOptions: () => void;
  /** Called once, after the mirror's data was first painted (the popup's "ready" moment). */
  onPainted?: () => void;
}

/** The popup: connection, totals, chart, budgets, breakdown, page count and export; each section a dumb component. */
export function PopupApp({ model, onOpenOptions, onPainted }: PopupAppProps) {
  const data = useStore(model.data.store);
  const count = useStore(model.count.store);
  const exporter = useStore(model.exporter.store);
  const { precision } = data;
  useEffect(() => {
    if (data.phase === 'ready') onPainted?.();
  }, [data.phase === 'ready']);

  return (
    <main class="popup" data-state={data.phase} data-testid="popup">
      <header>
        <h1>Tokentally</h1>
        <ConnectionLine connection={data.connection} onOpenOptions={onOpenOptions} />
      </header>
      {data.error === null ? null : (
        <p class="error" role="alert">
          {data.error}
        </p>
      )}
      {data.overview === undefined ? (
        <p class="note" aria-busy="true">
          Reading the mirror…
        </p>
      ) : (
        <>
          <TotalsTable totals={data.overview.totals} precision={precision} />
          <DailyChart points={data.overview.daily} precision={precision} />
        </>
      )}
      <BudgetBars budgets={data.budgets} precision={precision} onOpenOptions={onOpenOptions} />
      <BreakdownPanel
        breakdown={data.breakdown}
        dimension={data.dimension}
        period={data.period}
        precision={precision}
        onDimension={(dimension) => {
          model.data.selectDimension(dimension);
        }}
        onPeriod={(period) => {
          model.data.selectPeriod(period);
        }}
      />
      <CountPanel
        state={count}
        precision={precision}
        onCount={() => void model.count.countPage()}
        onModel={(name) => void model.count.selectModel(name)}
      />
      <ExportPanel
        state={exporter}
        onEdit={(field, value) => {
          model.exporter.edit(field, value);
        }}
        onExport={() => void model.exporter.run()}
      />
    </main>
  );
}
