import type Database from 'better-sqlite3';

/** Gives memory back to the system once the daemon is idle: SQLite's page cache, then whatever `release` frees. */
export interface IdleShrinker {
  /** The database was just used for writing: wait for a new idle spell before shrinking. */
  touch(): void;
  /** Frees SQLite's page cache now (after the startup scans filled it); `release` waits for idleness. */
  freeCache(): void;
  close(): void;
}

/**
 * An idle daemon should hold little memory, but the page cache keeps whatever the last burst or the startup
 * scans read (up to `cache_size`). `PRAGMA shrink_memory` frees it; the next query reads pages back from the
 * OS page cache, which is cheap. Runs `idleMs` after the last `touch`, at most once per idle spell; `release`
 * runs then and once more `releaseAgainMs` later if the spell lasts.
 *
 * Why twice: V8 shrinks its young generation (32 MB) only when a collection sees that little was allocated over
 * its last few seconds, and the first collection of a spell still measures the burst that ended it when that
 * burst left the young generation nearly full. The next one, seconds later, sees only quiet (measured: idle RSS
 * stayed at 126 MB in about one run of three; the second collection took it to 95 MB).
 */
export function createIdleShrinker(
  db: Pick<Database.Database, 'open' | 'pragma'>,
  {
    idleMs,
    releaseAgainMs = idleMs,
    now,
    release,
  }: {
    idleMs: number;
    releaseAgainMs?: number;
    now: () => number;
    /** Also called when idle, after SQLite shrinks (the daemon passes a full V8 collection). */
    release?: (() => void) | undefined;
  },
): IdleShrinker {
  let lastTouch = now();
  let timer: NodeJS.Timeout | undefined;
  let again: NodeJS.Timeout | undefined;

  function freeCache(): void {
    if (db.open) db.pragma('shrink_memory');
  }

  function check(): void {
    const quietFor = now() - lastTouch;
    if (quietFor >= idleMs) {
      timer = undefined;
      freeCache();
      if (release === undefined) return;
      release();
      const spell = lastTouch;
      clearTimeout(again);
      again = setTimeout(() => {
        again = undefined;
        if (lastTouch === spell) release();
      }, releaseAgainMs);
      again.unref();
      return;
    }
    timer = setTimeout(check, idleMs - quietFor);
    timer.unref();
  }

  return {
    touch() {
      lastTouch = now();
      if (timer !== undefined) return;
      timer = setTimeout(check, idleMs);
      timer.unref();
    },
    freeCache,
    close() {
      clearTimeout(timer);
      clearTimeout(again);
      timer = undefined;
      again = undefined;
    },
  };
}
