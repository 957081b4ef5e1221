/** Fan-out of values to listeners; a listener that throws is reported and does not stop the others. */
export interface Hub<T> {
  subscribe(listener: (value: T) => void): () => void;
  emit(value: T): void;
  size(): number;
}

/** Creates a hub; `onError` receives what a listener threw. */
export function createHub<T>(onError: (error: unknown) => void): Hub<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    subscribe(listener) {
      // Wrapped so the same function subscribed twice is two subscriptions.
      const entry = (value: T): void => {
        listener(value);
      };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    emit(value) {
      for (const listener of listeners) {
        try {
          listener(value);
        } catch (error) {
          onError(error);
        }
      }
    },
    size: () => listeners.size,
  };
}
