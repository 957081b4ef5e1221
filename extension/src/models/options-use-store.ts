import { useEffect, useState } from 'preact/hooks';
import type { OptionsStore } from './options-store';

/** The current value of a store; the component re-renders whenever it changes. */
export function useOptionsStore<T>(store: OptionsStore<T>): T {
  const [, setVersion] = useState(0);
  useEffect(
    () =>
      store.subscribe(() => {
        setVersion((version) => version + 1);
      }),
    [store],
  );
  return store.get();
}
