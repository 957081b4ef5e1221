import type Database from 'better-sqlite3';
import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import type { Durability } from './durability';
import type { EventRow } from './event-row';
import type { EventInserter } from './event-inserter';

interface WriteJob {
  events: readonly UsageEvent[];
  receivedAt: number;
  resolve: (result: IngestResult) => void;
  reject: (error: Error) => void;
}

/** Queues validated batches and writes them in group commits. */
export interface GroupCommitWriter {
  /** Stores one request's events, all or nothing; resolves once they are durably committed. */
  write(events: readonly UsageEvent[], receivedAt: number): Promise<IngestResult>;
  /** Writes what is queued and waits until it is durable; later writes are refused. */
  close(): Promise<void>;
}

export interface WriterOptions {
  db: Database.Database;
  inserter: EventInserter;
  durability: Durability;
  /** Called in commit order once a commit's fsync has finished (even failed), with its rows in seq order. */
  onDurable: (rows: EventRow[]) => void;
  /** Where a failing `onDurable` is reported (the events are stored and acknowledged regardless). */
  onError: (error: unknown) => void;
  /** A commit takes queued requests until it holds this many events; the rest wait for the next tick. */
  maxEventsPerCommit?: number;
}

/** Thrown to writers once the daemon is shutting down. */
export class WriterClosedError extends Error {
  constructor() {
    super('the daemon is shutting down');
    this.name = 'WriterClosedError';
  }
}

/**
 * Group commit: requests arriving in the same event-loop turn (or while the previous commit's fsync runs) are
 * written in one transaction, and each is answered only after that transaction is durable. A failed transaction
 * fails every request in it (each request is all or nothing, and none of them is stored).
 */
export function createGroupCommitWriter({
  db,
  inserter,
  durability,
  onDurable,
  onError,
  maxEventsPerCommit = 20_000,
}: WriterOptions): GroupCommitWriter {
  let queue: WriteJob[] = [];
  let scheduled = false;
  let closed = false;
  const pending = new Set<Promise<void>>();

  const transaction = db.transaction((jobs: WriteJob[], results: IngestResult[], rows: EventRow[]) => {
    for (const job of jobs) results.push(inserter.insert(job.events, job.receivedAt, rows));
    inserter.finish();
  });

  function take(): WriteJob[] {
    let count = 0;
    let end = 0;
    while (end < queue.length && (end === 0 || count < maxEventsPerCommit)) {
      count += queue[end]?.events.length ?? 0;
      end += 1;
    }
    const jobs = queue.slice(0, end);
    queue = queue.slice(end);
    return jobs;
  }

  function commit(jobs: WriteJob[]): void {
    const results: IngestResult[] = [];
    const rows: EventRow[] = [];
    try {
      transaction(jobs, results, rows);
      inserter.committed();
    } catch (cause) {
      inserter.rolledBack();
      const error = new Error('could not store the events', { cause });
      for (const job of jobs) job.reject(error);
      return;
    }
    // Only the answers are kept while the fsync runs: the events themselves can be collected already.
    const settlers = jobs.map(({ resolve, reject }) => ({ resolve, reject }));
    // The rows are committed and readable whatever the disk said: subscribers must see them, in order, either way.
    // (Clients re-send on an fsync error; their ids make the re-sent events duplicates.)
    const deliver = (): void => {
      try {
        onDurable(rows);
      } catch (error) {
        onError(error);
      }
    };
    const done = durability.afterCommit().then(
      () => {
        settlers.forEach((job, i) => {
          const result = results[i];
          if (result !== undefined) job.resolve(result);
        });
        deliver();
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error : new Error(String(error));
        for (const job of settlers) job.reject(reason);
        deliver();
      },
    );
    pending.add(done);
    void done.finally(() => pending.delete(done));
  }

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    commit(take());
    // A backlog is committed in bounded transactions, one per turn; the next fsync covers them all.
    if (queue.length > 0) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  // While an fsync runs, a commit made now could not be acknowledged before the fsync after it, so requests
  // gather until this one ends and go in one transaction: as soon acknowledged, with far fewer commits.
  function schedule(): void {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    const syncing = durability.busy();
    if (syncing === undefined) setImmediate(flush);
    else void syncing.then(flush);
  }

  return {
    write(events, receivedAt) {
      if (closed) return Promise.reject(new WriterClosedError());
      // Nothing to make durable (the extension's keep-alive sends empty batches): no transaction, no fsync.
      if (events.length === 0) {
        return Promise.resolve({ accepted: 0, duplicates: 0, first_seq: null, last_seq: null });
      }
      return new Promise((resolve, reject) => {
        queue.push({ events, receivedAt, resolve, reject });
        schedule();
      });
    },
    async close() {
      closed = true;
      while (queue.length > 0) commit(take());
      await Promise.allSettled([...pending]);
    },
  };
}
