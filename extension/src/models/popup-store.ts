/** A tiny observable value for the popup's models. */
export interface PopupStore<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

const isUpdater = <T>(next: T | ((current: T) => T)): next is (current: T) => T => typeof next === 'function';

/** Creates a store holding `initial`; listeners are called after each change. */
export function createPopupStore<T>(initial: T): PopupStore<T> {
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
