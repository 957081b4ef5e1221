import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { MirrorWriteResult } from '../db/mirror-events';

/** How events are grouped into writes: held at most `windowMs` when idle, at most `maxEvents` per transaction. */
export interface BatchOptions {
  windowMs: number;
  maxEvents: number;
}

/** Up to 50 ms of waiting for a live event; a catch-up writes up to 2,000 events per transaction. */
export const DEFAULT_BATCH: BatchOptions = { windowMs: 50, maxEvents: 2000 };

/** Collects streamed events and writes them in batches, one write at a time, in arrival order. */
export interface EventBatcher {
  add: (event: StoredEvent) => void;
  /** Writes what is held now and settles once every write so far has finished. */
  flush: () => Promise<void>;
}

interface BatcherDeps extends BatchOptions {
  write: (events: readonly StoredEvent[]) => Promise<MirrorWriteResult>;
  onWritten: (result: MirrorWriteResult) => void;
  /** A write failed; what was in it is not mirrored (the caller resumes the stream from the last stored seq). */
  onError: (error: unknown) => void;
}

/**
 * Creates a batcher. While a write is in flight, arriving events wait and go in the next one, so batches grow
 * as large as the database is slow (up to `maxEvents`): a catch-up of 100k events takes about 50 transactions.
 */
export function createEventBatcher({
  windowMs,
  maxEvents,
  write,
  onWritten,
  onError,
}: BatcherDeps): EventBatcher {
  let pending: StoredEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | undefined;

  const writeNext = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (writing !== undefined || pending.length === 0) return;
    const batch = pending.slice(0, maxEvents);
    pending = pending.slice(maxEvents);
    writing = write(batch)
      .then(onWritten, onError)
      .finally(() => {
        writing = undefined;
        // What arrived meanwhile has waited long enough.
        writeNext();
      });
  };

  return {
    add(event) {
      pending.push(event);
      if (writing !== undefined) return;
      if (pending.length >= maxEvents) writeNext();
      else timer ??= setTimeout(writeNext, windowMs);
    },
    async flush() {
      writeNext();
      while (writing !== undefined) await writing;
    },
  };
}
