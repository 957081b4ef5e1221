import { useEffect, useState } from 'preact/hooks';
import type { PopupStore } from '../../models/popup-store';

/** The current value of a model's store; the component re-renders when it changes. */
export function useStore<T>(store: PopupStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(() => {
      setValue(store.get());
    });
  }, [store]);
  return value;
}
