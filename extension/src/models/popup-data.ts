import type { BudgetStatusEntry } from '@tokentally/shared/api/budget';
import { budgetStatusMeta, connectionMeta, lastSeqMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import { lastDaysRange, todayRange } from '../db/ranges';
import { defaultSettings, type SettingsResult } from '../settings/settings-schema';
import { type Breakdown, breakdownOf } from './popup-breakdown';
import type { PopupCache } from './popup-cache';
import { type ConnectionView, connectionView } from './popup-connection';
import { compactDayTable, KEPT_DAYS } from './popup-day-compaction';
import type { DayTable } from './popup-day-table';
import { saveDayTable, syncDayTable } from './popup-day-sync';
import type { PopupDimension } from './popup-dimensions';
import { type Overview, overviewOf } from './popup-overview';
import type { PopupPeriod } from './popup-periods';
import { createValueStore, type ValueStore } from './value-store';

/** The last budget status the worker stored, and when it arrived (epoch ms). */
export interface BudgetsView {
  entries: BudgetStatusEntry[];
  received_at: number;
}

/** Everything the popup shows from the mirror. */
export interface PopupDataState {
  phase: 'loading' | 'ready' | 'error';
  error: string | null;
  precision: number;
  connection: ConnectionView;
  overview: Overview | undefined;
  breakdown: Breakdown | undefined;
  dimension: PopupDimension;
  period: PopupPeriod;
  budgets: BudgetsView | undefined;
}

/** What the data model reads: the mirror, the popup's cache, the settings, and the time. */
export interface PopupDataDeps {
  db: TokentallyMirror;
  cache: PopupCache;
  loadSettings: () => Promise<SettingsResult>;
  now: () => number;
  timeZone: () => string;
}

/** The mirror's data as the popup shows it, kept up with the mirror. */
export interface PopupDataModel {
  store: ValueStore<PopupDataState>;
  /** Reads everything and paints it. */
  load(): Promise<void>;
  /** Reloads what changed since the last look (the worker's last seq, budgets, connection, the date). */
  refresh(): Promise<void>;
  /** Shows money with the new precision and the connection in the light of the new settings. */
  settingsChanged(settings: SettingsResult): Promise<void>;
  selectDimension(dimension: PopupDimension): void;
  selectPeriod(period: PopupPeriod): void;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Creates the data model: figures are sums of the cached day table, brought up to the mirror at each look. */
export function createPopupDataModel({
  db,
  cache,
  loadSettings,
  now,
  timeZone,
}: PopupDataDeps): PopupDataModel {
  const store = createValueStore<PopupDataState>({
    phase: 'loading',
    error: null,
    precision: defaultSettings().precision,
    connection: { level: 'connecting', label: 'Connecting…', detail: null },
    overview: undefined,
    breakdown: undefined,
    dimension: 'model',
    period: '30d',
    budgets: undefined,
  });
  const patch = (update: Partial<PopupDataState>): void => {
    store.set((current) => ({ ...current, ...update }));
  };
  let table: DayTable | undefined;
  let seen = { lastSeq: -1, day: -1, budgetsAt: -1, connection: '' };
  let settings: SettingsResult | undefined;

  async function readStatus(): Promise<void> {
    settings ??= await loadSettings();
    const [connection, budgets] = await Promise.all([connectionMeta.read(db), budgetStatusMeta.read(db)]);
    seen = { ...seen, budgetsAt: budgets?.received_at ?? 0, connection: JSON.stringify(connection ?? null) };
    patch({
      precision: settings.settings.precision,
      connection: connectionView(connection, settings),
      budgets:
        budgets === undefined
          ? undefined
          : { entries: budgets.status.budgets, received_at: budgets.received_at },
    });
  }

  const showBreakdown = (): void => {
    const { dimension, period } = store.get();
    if (table !== undefined) patch({ breakdown: breakdownOf(table, dimension, period, now()) });
  };

  // One sync at a time: a refresh tick during a slow rebuild waits for it rather than starting another.
  let syncing: Promise<void> | undefined;
  async function syncData(): Promise<void> {
    const at = now();
    const tz = timeZone();
    const synced = await syncDayTable(db, cache, tz);
    const kept = compactDayTable(synced.table, lastDaysRange(at, tz, KEPT_DAYS).from);
    table = kept;
    seen = { ...seen, lastSeq: kept.seq, day: todayRange(at, tz).from };
    const { dimension, period } = store.get();
    patch({
      overview: overviewOf(kept, at),
      breakdown: breakdownOf(kept, dimension, period, at),
      phase: 'ready',
      error: null,
    });
    if (synced.changed || kept !== synced.table) await saveDayTable(cache, kept);
  }
  const readData = (): Promise<void> => {
    syncing ??= syncData().finally(() => (syncing = undefined));
    return syncing;
  };

  const guarded = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      patch({ phase: 'error', error: `Could not read the mirror: ${message(error)}` });
    }
  };

  return {
    store,
    load: () => guarded(() => Promise.all([readStatus(), readData()]).then(() => undefined)),
    refresh: () =>
      guarded(async () => {
        const [lastSeq, budgets, connection] = await Promise.all([
          lastSeqMeta.read(db),
          budgetStatusMeta.read(db),
          connectionMeta.read(db),
        ]);
        const statusChanged =
          (budgets?.received_at ?? 0) !== seen.budgetsAt ||
          JSON.stringify(connection ?? null) !== seen.connection;
        const dataChanged =
          (lastSeq ?? 0) !== seen.lastSeq || todayRange(now(), timeZone()).from !== seen.day;
        await Promise.all([statusChanged ? readStatus() : undefined, dataChanged ? readData() : undefined]);
      }),
    async settingsChanged(next) {
      settings = next;
      await guarded(readStatus);
    },
    selectDimension(dimension) {
      patch({ dimension });
      showBreakdown();
    },
    selectPeriod(period) {
      patch({ period });
      showBreakdown();
    },
  };
}
