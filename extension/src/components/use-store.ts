import { useEffect, useState } from 'preact/hooks';
import type { ValueStore } from '../models/value-store';

/** The current value of a model's store; the component re-renders when it changes. */
export function useStore<T>(store: ValueStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    // A change between the first render and this subscription would otherwise be missed.
    setValue(store.get());
    return store.subscribe(() => {
      setValue(store.get());
    });
  }, [store]);
  return value;
}
