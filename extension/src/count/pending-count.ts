import { PENDING_COUNT_KEY, type PendingCount, pendingCountSchema } from '../background/pending-count';

/** The part of `browser.storage.session` the pending count uses. */
export interface SessionAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  remove(keys: string): Promise<void>;
}

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

/** The part of `browser.storage` that reports changes. */
export interface SessionChangeSource {
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

/** The selection the context menu left for the popup to count (see the background's `pending_count`). */
export interface PendingCounts {
  /** Takes the waiting selection, if any: it is removed so it is counted once. */
  take(): Promise<PendingCount | undefined>;
  /** Calls `onPending` whenever a selection is left while the popup is open, until aborted. */
  watch(onPending: () => void, signal: AbortSignal): void;
}

/** Reads the pending count from `browser.storage.session`. */
export function createPendingCounts(session: SessionAreaLike, storage: SessionChangeSource): PendingCounts {
  return {
    async take() {
      const stored = await session.get(PENDING_COUNT_KEY);
      const parsed = pendingCountSchema.safeParse(stored[PENDING_COUNT_KEY]);
      if (!parsed.success) return undefined;
      await session.remove(PENDING_COUNT_KEY);
      return parsed.data;
    },
    watch(onPending, signal) {
      const listener: ChangeListener = (changes, areaName) => {
        if (areaName === 'session' && changes[PENDING_COUNT_KEY]?.newValue !== undefined) onPending();
      };
      storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => {
        storage.onChanged.removeListener(listener);
      });
    },
  };
}
