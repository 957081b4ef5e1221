import type { OptionsDeps } from './options-deps';
import { createValueStore, type ValueStore } from './value-store';

/** What the local mirror section shows. */
export type MirrorSectionState =
  { state: 'idle' } | { state: 'clearing' } | { state: 'cleared' } | { state: 'failed'; message: string };

/** The local mirror section's state and its one action. */
export interface MirrorModel {
  store: ValueStore<MirrorSectionState>;
  clear: () => Promise<void>;
}

/** Creates the mirror model: clearing asks the worker, which owns the mirror, to empty it and replay. */
export function createMirrorModel({ resyncMirror }: OptionsDeps): MirrorModel {
  const store = createValueStore<MirrorSectionState>({ state: 'idle' });
  return {
    store,
    async clear() {
      store.set({ state: 'clearing' });
      const reply = await resyncMirror().catch((error: unknown) => ({
        ok: false as const,
        error: String(error),
      }));
      store.set(reply.ok ? { state: 'cleared' } : { state: 'failed', message: reply.error });
    },
  };
}
