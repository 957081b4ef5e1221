/** A tiny observable value that the popup's and the options page's models keep their state in. */
export interface ValueStore<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

const isUpdater = <T>(next: T | ((current: T) => T)): next is (current: T) => T => typeof next === 'function';

/** Creates a store holding `initial`; listeners are called after each change. */
export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = isUpdater(next) ? next(value) : next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
