import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';
import type { SendOutcome } from './event-sender';
import type { SendBuffer } from './send-buffer';
import type { DropReason, TrackerStats } from './tracker-types';

/** What the loop is built from. */
export interface BatchLoopDeps {
  buffer: SendBuffer;
  send: (events: readonly UsageEventWire[]) => Promise<SendOutcome>;
  maxBatch: number;
  flushIntervalMs: number;
  stats: TrackerStats;
  drop: (reason: DropReason, events: UsageEventWire[], message: string) => void;
}

/** Sends the buffer in batches: when a batch is full, after `flushIntervalMs`, or when flushed. */
export interface BatchLoop {
  /** Tells the loop an event was buffered. */
  recorded(): void;
  /** Sends everything waiting now, ignoring any backoff; resolves after one pass. */
  flush(): Promise<void>;
  /** Cancels timers; a pass under way finishes. */
  stop(): void;
}

const MAX_BACKOFF_MS = 30_000;
const FIRST_BACKOFF_MS = 500;

// Full jitter on an exponential step keeps many trackers from retrying in step after the daemon restarts.
const backoff = (failures: number): number =>
  Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(failures - 1, 16)) * (0.5 + Math.random() / 2);

function splitRejected(
  batch: readonly UsageEventWire[],
  indices: ReadonlySet<number> | 'all',
): { refused: UsageEventWire[]; rest: UsageEventWire[] } {
  // Indices that name no event of the batch cannot be trusted to make progress: refuse the batch.
  const named = indices === 'all' ? [] : batch.filter((_, index) => indices.has(index));
  if (indices === 'all' || named.length === 0) return { refused: [...batch], rest: [] };
  return { refused: named, rest: batch.filter((_, index) => !indices.has(index)) };
}

/** Creates the loop; timers are unref'd so a tracker never keeps the process alive. */
export function createBatchLoop({
  buffer,
  send,
  maxBatch,
  flushIntervalMs,
  stats,
  drop,
}: BatchLoopDeps): BatchLoop {
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  function schedule(delay: number): void {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delay);
    timer.unref();
  }

  async function sendWaiting(): Promise<void> {
    while (buffer.waiting() > 0) {
      const batch = buffer.take(maxBatch);
      const outcome = await send(batch).catch((error: unknown): SendOutcome => ({
        kind: 'retry',
        message: error instanceof Error ? error.message : String(error),
      }));
      if (outcome.kind === 'stored') {
        buffer.settle(batch.length);
        failures = 0;
        stats.accepted += outcome.accepted;
        stats.duplicates += outcome.duplicates;
        stats.lastError = undefined;
      } else if (outcome.kind === 'rejected') {
        const { refused, rest } = splitRejected(batch, outcome.indices);
        buffer.settle(refused.length);
        drop('rejected', refused, `the daemon refused ${refused.length} event(s): ${outcome.message}`);
        const lost = buffer.putBack(rest);
        if (lost.length > 0) drop('overflow', lost, 'the buffer is full');
      } else {
        failures += 1;
        stats.retries += 1;
        stats.lastError = outcome.message;
        const lost = buffer.putBack(batch);
        if (lost.length > 0) drop('overflow', lost, 'the buffer is full');
        schedule(backoff(failures));
        return;
      }
    }
  }

  // Passes run one after another, so a batch is never in flight twice; at most one waits behind the running one,
  // and it sends whatever is waiting when it starts.
  function run(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const start = (): Promise<void> => {
      queued = undefined;
      return sendWaiting();
    };
    queued ??= pass.then(start, start);
    pass = queued;
    return queued;
  }

  return {
    recorded() {
      if (failures > 0) schedule(backoff(failures));
      else if (buffer.waiting() >= maxBatch) void run();
      else schedule(flushIntervalMs);
    },
    flush: run,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
