import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';

/** Called with the directory an event came from and the file it names, when the platform says. */
export type OnDirEvent = (dir: string, file: string | undefined) => void;

/**
 * One `fs.watch` per directory (recursive watching is not reliable on Linux before Node 20.13), on at most
 * `limit` directories, most recently changed first. Events only make the watcher look sooner: the periodic
 * scan stays the source of truth, so a missed or failed watch costs latency, never data.
 */
export class DirWatchers {
  readonly #watchers = new Map<string, FSWatcher>();
  readonly #onEvent: OnDirEvent;
  readonly #limit: number;

  constructor(onEvent: OnDirEvent, limit = 256) {
    this.#onEvent = onEvent;
    this.#limit = limit;
  }

  /** Watches these directories (most important first, up to the limit) and stops watching the others. */
  sync(dirs: readonly string[]): void {
    const wanted = new Set(dirs.slice(0, this.#limit));
    for (const [dir, watcher] of this.#watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.#watchers.delete(dir);
      }
    }
    for (const dir of wanted) if (!this.#watchers.has(dir)) this.#add(dir);
  }

  #add(dir: string): void {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        this.#onEvent(dir, name === null ? undefined : join(dir, name));
      });
      watcher.on('error', () => {
        watcher.close();
        this.#watchers.delete(dir);
      });
      this.#watchers.set(dir, watcher);
    } catch {
      // Gone already, or out of inotify watches: polling covers it.
    }
  }

  /** Stops every watch. */
  close(): void {
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }
}
