import type { TokentallyMirror } from '../db/mirror-db';
import { inputCost as sharedInputCost } from '../count/input-cost';
import type { PageText } from '../count/page-text';
import { createPendingCounts, type SessionAreaLike } from '../count/pending-count';
import type { TextCounter } from '../count/worker-counter';
import {
  loadSettings,
  type StorageAreaLike,
  type StorageChangeSource,
  watchSettings,
} from '../settings/settings-store';
import type { PopupCache } from './popup-cache';
import { createCountModel, type CountDeps, type CountModel } from './popup-count';
import { createPopupDataModel, type PopupDataModel } from './popup-data';
import { createExportModel, type ExportModel } from './popup-export';
import { createPopupPrefs } from './popup-prefs';

/** Time as the popup needs it: now, the user's zone, and a repeating timer (fakes in tests). */
export interface PopupClock {
  now(): number;
  timeZone(): string;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Runs `task` once the page has painted and has nothing better to do (work that must not delay the figures). */
  whenIdle(task: () => void): void;
}

/** The parts of `browser.storage` the popup uses. */
export interface PopupStorage extends StorageChangeSource {
  local: StorageAreaLike;
  session: SessionAreaLike;
}

/** What the popup is built from: the mirror, storage, the clock, and the browser's hands (worker, tab, download). */
export interface PopupDeps {
  db: TokentallyMirror;
  cache: PopupCache;
  storage: PopupStorage;
  clock: PopupClock;
  counter: TextCounter;
  readPage: () => Promise<PageText>;
  download: (name: string, blob: Blob) => void;
  inputCost?: CountDeps['inputCost'];
}

/** The popup's sections, each a model with a store and actions. */
export interface PopupModel {
  data: PopupDataModel;
  count: CountModel;
  exporter: ExportModel;
  /** Loads everything, counts a selection left by the context menu, and follows the mirror until aborted. */
  start(signal: AbortSignal): Promise<void>;
}

/** How often the popup looks for changes the worker wrote to the mirror (a few small reads). */
export const REFRESH_MS = 1000;

/** Creates the popup's model. */
export function createPopupModel(deps: PopupDeps): PopupModel {
  const { db, storage, clock } = deps;
  const data = createPopupDataModel({
    db,
    cache: deps.cache,
    loadSettings: () => loadSettings(storage.local),
    now: () => clock.now(),
    timeZone: () => clock.timeZone(),
  });
  const count = createCountModel({
    counter: deps.counter,
    readPage: deps.readPage,
    pending: createPendingCounts(storage.session, storage),
    prefs: createPopupPrefs(storage.local),
    inputCost: deps.inputCost ?? sharedInputCost,
    now: () => clock.now(),
  });
  const exporter = createExportModel({
    db,
    now: () => clock.now(),
    timeZone: () => clock.timeZone(),
    download: deps.download,
  });

  return {
    data,
    count,
    exporter,
    async start(signal) {
      watchSettings(storage, (settings) => void data.settingsChanged(settings), signal);
      const stopTimer = clock.every(REFRESH_MS, () => void data.refresh());
      signal.addEventListener('abort', stopTimer);
      await Promise.all([data.load(), count.load(signal)]);
      // Loading the encoding early makes the first "Count" answer at once. Not before the figures are on screen:
      // starting the worker compiles megabytes of ranks, which slowed the popup's first paint by 10-40 ms.
      clock.whenIdle(() => {
        if (!signal.aborted && count.store.get().status.state === 'idle')
          deps.counter.warm(count.store.get().model);
      });
    },
  };
}
