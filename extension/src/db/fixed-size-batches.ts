/** Items handed on in batches of a fixed size, in the order added. */
export interface FixedSizeBatches<T> {
  /** Adds items; each batch they complete is handed on (and awaited) before this settles. */
  add(items: Iterable<T>): Promise<void>;
  /** Hands on what is left, a smaller batch, if anything. */
  end(): Promise<void>;
}

/**
 * Collects items and calls `onBatch` with exactly `size` of them at a time (the last batch may be smaller), so a
 * reader of uneven pieces (an hour of events, a few chunks) can feed a consumer that wants even ones.
 */
export function fixedSizeBatches<T>(
  size: number,
  onBatch: (items: T[]) => void | Promise<void>,
): FixedSizeBatches<T> {
  let pending: T[] = [];
  return {
    async add(items) {
      for (const item of items) pending.push(item);
      let start = 0;
      for (; pending.length - start >= size; start += size) await onBatch(pending.slice(start, start + size));
      pending = pending.slice(start);
    },
    async end() {
      const rest = pending;
      pending = [];
      if (rest.length > 0) await onBatch(rest);
    },
  };
}
