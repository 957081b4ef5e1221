import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * When a commit is acknowledged: `fsync` (default) after a group fsync of the WAL; `full` after SQLite's own
 * fsync inside the commit (`synchronous = FULL`, which blocks the event loop on the disk; kept to measure that
 * cost); `os` right after the commit (survives a crash of the process, not a power loss).
 */
export type DurabilityMode = 'fsync' | 'full' | 'os';

/** Waits until a commit is durable; `synced` resolves once an fsync covering every commit so far has finished. */
export interface Durability {
  /** Call right after a commit; resolves when that commit survives power loss. */
  afterCommit(): Promise<void>;
  /** While an fsync runs: settles when none is running any more. Undefined when idle. */
  busy(): Promise<void> | undefined;
  close(): Promise<void>;
}

interface Waiter {
  commit: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Group fsync of the WAL: every commit waits for one fdatasync of the WAL file that started after it. While an
 * fsync runs, commits go on and queue for the next one, so one fsync covers many transactions and the event loop
 * never blocks on the disk. fsync flushes the file, whichever descriptor asks, so a descriptor of our own is enough.
 */
export function createWalDurability(walPath: string, mode: DurabilityMode = 'fsync'): Durability {
  let commits = 0;
  let running: Promise<void> | undefined;
  let handle: FileHandle | undefined;
  let directorySynced = false;
  const waiters: Waiter[] = [];

  async function syncOnce(): Promise<void> {
    handle ??= await open(walPath, 'r');
    await handle.datasync();
    if (!directorySynced) {
      // The WAL's directory entry must be durable too the first time, or the file itself could vanish.
      const directory = await open(dirname(walPath), 'r');
      await directory.sync().finally(() => directory.close());
      directorySynced = true;
    }
  }

  async function run(): Promise<void> {
    while (waiters.length > 0) {
      const covered = commits;
      try {
        await syncOnce();
        settle(covered, undefined);
      } catch (cause) {
        const closing = handle;
        handle = undefined;
        await closing?.close().catch(() => undefined);
        settle(covered, new Error('could not fsync the database journal', { cause }));
      }
    }
    running = undefined;
  }

  function settle(covered: number, error: Error | undefined): void {
    let done = 0;
    while (done < waiters.length && (waiters[done]?.commit ?? Infinity) <= covered) done += 1;
    for (const waiter of waiters.splice(0, done)) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }

  return {
    afterCommit() {
      commits += 1;
      if (mode !== 'fsync') return Promise.resolve();
      const commit = commits;
      const promise = new Promise<void>((resolve, reject) => waiters.push({ commit, resolve, reject }));
      running ??= run();
      return promise;
    },
    busy: () => running,
    async close() {
      await running;
      await handle?.close();
      handle = undefined;
    },
  };
}
