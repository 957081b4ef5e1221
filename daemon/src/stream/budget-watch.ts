import type { BudgetStatus } from '@tokentally/shared/api/budget';
import type { Logger } from '../logger';
import { createHub } from '../store/event-hub';
import type { EventStore } from '../store/event-store';

/** Pushes the budget status whenever a budget's level changes (or budgets are edited). */
export interface BudgetWatch {
  subscribe(listener: (status: BudgetStatus) => void): () => void;
  close(): void;
}

const signature = (status: BudgetStatus): string =>
  status.budgets.map((entry) => `${entry.id}\u0001${entry.status}`).join('\u0002');

/**
 * Recomputes budget levels shortly after stored events, re-pricing or budget edits (coalescing bursts into one
 * computation per `delayMs`), and every `periodMs` so that a new day, week or month resets levels on time.
 * Listeners hear the whole status when any level differs from the last one they heard, and after every edit.
 * Nothing is computed while nobody listens.
 */
export function createBudgetWatch({
  store,
  logger,
  delayMs = 20,
  periodMs = 60_000,
}: {
  store: EventStore;
  logger: Logger;
  delayMs?: number;
  periodMs?: number;
}): BudgetWatch {
  const hub = createHub<BudgetStatus>((error) => {
    logger.error('a budget listener failed', { error: String(error) });
  });
  let last: string | undefined;
  let edited = false;
  let timer: NodeJS.Timeout | undefined;

  function run(): void {
    timer = undefined;
    if (hub.size() === 0) return;
    const status = store.budgetStatus();
    const now = signature(status);
    if (now !== last || edited) hub.emit(status);
    last = now;
    edited = false;
  }

  function schedule(): void {
    timer ??= setTimeout(run, delayMs);
  }

  const stopListening = store.onChange((change) => {
    if (hub.size() === 0) return;
    if (change === 'budgets') edited = true;
    // With no budgets nothing can change level; skip the work under heavy ingest.
    if (change === 'events' && last === '') return;
    schedule();
  });
  const periodic = setInterval(schedule, periodMs);
  periodic.unref();

  return {
    subscribe(listener) {
      // The baseline: the first push is a change from what a new listener could have read itself.
      if (hub.size() === 0) last = signature(store.budgetStatus());
      return hub.subscribe(listener);
    },
    close() {
      stopListening();
      clearInterval(periodic);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
