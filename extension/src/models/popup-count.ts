import { COUNT_MODELS, DEFAULT_COUNT_MODEL } from '../count/count-models';
import type { TextCount } from '../count/count-text';
import type { InputCost } from '../count/input-cost';
import type { PageText, TextSource } from '../count/page-text';
import type { PendingCounts } from '../count/pending-count';
import type { TextCounter } from '../count/worker-counter';
import type { PopupPrefs } from './popup-prefs';
import { createValueStore, type ValueStore } from './value-store';

/** Where a count stands. */
export type CountStatus =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'counting'; source: TextSource; done: number; total: number }
  | { state: 'done'; source: TextSource; result: TextCount; cost: InputCost }
  | { state: 'error'; message: string };

/** The count section: the model picked, the models offered, and the last count. */
export interface CountSectionState {
  model: string;
  models: readonly string[];
  status: CountStatus;
}

/** What the count section is built from. */
export interface CountDeps {
  counter: TextCounter;
  /** Reads the current tab's selection, or its visible text. */
  readPage: () => Promise<PageText>;
  pending: PendingCounts;
  prefs: PopupPrefs;
  inputCost: (model: string, tokens: number, at: number) => Promise<InputCost>;
  now: () => number;
}

/** The count section's state and actions. */
export interface CountModel {
  store: ValueStore<CountSectionState>;
  /** Restores the model picked last time, then counts a selection the context menu left, if any. */
  load(signal: AbortSignal): Promise<void>;
  /** Counts the current tab: its selection if any, else its visible text. */
  countPage(): Promise<void>;
  /** Counts a text with the current model. */
  countText(text: string, source: TextSource): Promise<void>;
  /** Picks another model and counts the last text again with it. */
  selectModel(model: string): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Creates the count section's model. */
export function createCountModel(deps: CountDeps): CountModel {
  const store = createValueStore<CountSectionState>({
    model: DEFAULT_COUNT_MODEL,
    models: COUNT_MODELS,
    status: { state: 'idle' },
  });
  const setStatus = (status: CountStatus): void => {
    store.set((current) => ({ ...current, status }));
  };
  let last: { text: string; source: TextSource } | undefined;
  // Only the newest count may write its result: a slow count of a long page must not replace a newer one.
  let generation = 0;

  async function countText(text: string, source: TextSource): Promise<void> {
    const mine = ++generation;
    last = { text, source };
    const { model } = store.get();
    setStatus({ state: 'counting', source, done: 0, total: text.length });
    try {
      const result = await deps.counter.count(text, model, ({ done, total }) => {
        if (mine === generation) setStatus({ state: 'counting', source, done, total });
      });
      const cost = await deps.inputCost(model, result.tokens, deps.now());
      if (mine === generation) setStatus({ state: 'done', source, result, cost });
    } catch (error) {
      if (mine === generation) setStatus({ state: 'error', message: `Could not count: ${message(error)}` });
    }
  }

  async function countPending(): Promise<void> {
    const pending = await deps.pending.take();
    if (pending !== undefined) await countText(pending.text, 'context-menu');
  }

  return {
    store,
    async load(signal) {
      const saved = await deps.prefs.countModel();
      if (saved !== undefined) store.set((current) => ({ ...current, model: saved }));
      deps.pending.watch(() => void countPending(), signal);
      await countPending();
    },
    async countPage() {
      const mine = ++generation;
      setStatus({ state: 'reading' });
      const page = await deps.readPage();
      if (mine !== generation) return;
      if (!page.ok) {
        setStatus({ state: 'error', message: page.message });
        return;
      }
      await countText(page.text, page.source);
    },
    countText,
    async selectModel(model) {
      store.set((current) => ({ ...current, model }));
      await deps.prefs.saveCountModel(model);
      if (last !== undefined) await countText(last.text, last.source);
      else deps.counter.warm(model);
    },
  };
}
