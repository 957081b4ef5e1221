import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { MirrorWriteResult } from '../db/mirror-events';

/**
 * How events are grouped into writes: held at most `windowMs` when idle, at most `maxEvents` per transaction,
 * and at most `maxWrites` transactions queued at once.
 */
export interface BatchOptions {
  windowMs: number;
  maxEvents: number;
  maxWrites: number;
}

/**
 * Up to 50 ms of waiting for a live event. A catch-up writes 5,000 events per transaction, the next one queued
 * behind the one being stored, so the worker prepares a batch while IndexedDB stores the previous one.
 */
export const DEFAULT_BATCH: BatchOptions = { windowMs: 50, maxEvents: 5000, maxWrites: 2 };

/** Collects streamed events and writes them in batches, in arrival order. */
export interface EventBatcher {
  /** A stream resumes after `after`, the mirror's last seq: the next batch continues from it. */
  resume: (after: number) => void;
  add: (event: StoredEvent) => void;
  /** Settles once less than a full batch waits (at once after a failure): adding faster only fills memory. */
  ready: () => Promise<void>;
  /** Whether a write failed since the last `resume`: until the next one, events are dropped. */
  failed: () => boolean;
  /** Writes what is held now and settles once every write so far has finished. */
  flush: () => Promise<void>;
}

interface BatcherDeps extends BatchOptions {
  /** Writes a batch that continues from `after` (the mirror's last seq before it), or reads it when undefined. */
  write: (events: readonly StoredEvent[], after: number | undefined) => Promise<MirrorWriteResult>;
  onWritten: (result: MirrorWriteResult) => void;
  /**
   * A write failed: nothing of it was stored, and what is held or arrives until the next `resume` is dropped
   * (the caller closes the stream and resumes it from the last stored seq, so nothing is skipped).
   */
  onError: (error: unknown) => void;
}

const highestSeq = (events: readonly StoredEvent[], from: number): number =>
  events.reduce((highest, event) => Math.max(highest, event.seq), from);

/**
 * Creates a batcher. While writes are in flight, arriving events wait and go in the next one, so batches grow as
 * large as the database is slow (up to `maxEvents`): a catch-up of 100k events takes about 20 transactions.
 */
export function createEventBatcher({
  windowMs,
  maxEvents,
  maxWrites,
  write,
  onWritten,
  onError,
}: BatcherDeps): EventBatcher {
  let pending: StoredEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const writing = new Set<Promise<void>>();
  // The mirror's last seq once every write in flight is stored; unknown until a stream resumes or a write ends.
  let after: number | undefined;
  let failed = false;
  let waiting: (() => void)[] = [];

  const wakeWaiting = (): void => {
    if (pending.length >= maxEvents && !failed) return;
    for (const wake of waiting) wake();
    waiting = [];
  };

  const start = (batch: StoredEvent[]): void => {
    const continues = after;
    if (after !== undefined) after = highestSeq(batch, after);
    const written: Promise<void> = write(batch, continues)
      .then(
        (result) => {
          if (failed) return;
          after ??= result.last_seq;
          onWritten(result);
        },
        (error: unknown) => {
          // The writes queued behind this one fail too (they continue from where it would have ended).
          if (failed) return;
          failed = true;
          pending = [];
          after = undefined;
          wakeWaiting();
          onError(error);
        },
      )
      .finally(() => {
        writing.delete(written);
        // What arrived meanwhile has waited long enough.
        writeNext();
      });
    writing.add(written);
  };

  function writeNext(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // Without knowing where the write in flight ends, the next one cannot be queued behind it.
    const limit = after === undefined ? 1 : maxWrites;
    while (!failed && pending.length > 0 && writing.size < limit) {
      // A partial batch waits for a full one while the database is busy anyway.
      if (pending.length < maxEvents && writing.size > 0) break;
      start(pending.splice(0, maxEvents));
    }
    wakeWaiting();
  }

  return {
    resume(from) {
      failed = false;
      after = from;
    },
    add(event) {
      if (failed) return;
      pending.push(event);
      if (pending.length >= maxEvents) writeNext();
      else if (writing.size === 0) timer ??= setTimeout(writeNext, windowMs);
    },
    ready: () =>
      pending.length < maxEvents || failed
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiting.push(resolve);
          }),
    failed: () => failed,
    async flush() {
      writeNext();
      while (writing.size > 0) {
        await Promise.all(writing);
        writeNext();
      }
    },
  };
}
