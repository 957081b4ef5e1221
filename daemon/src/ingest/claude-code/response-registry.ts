/**
 * Which file first showed each Claude Code response. A response found again in another file (a resumed
 * session's copied history, a subagent replaying its parent) is a copy: it is counted once, where first seen.
 * Bounded so a long-running watcher does not grow without end; the daemon's id check backs it up.
 */
export class ResponseRegistry {
  readonly #owners = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = Number.POSITIVE_INFINITY) {
    this.#capacity = capacity;
  }

  /** The file that first showed the response, if known. */
  owner(key: string): string | undefined {
    return this.#owners.get(key);
  }

  /** Records that `file` shows the response first. */
  claim(key: string, file: string): void {
    this.#owners.set(key, file);
    if (this.#owners.size > this.#capacity) {
      const oldest = this.#owners.keys().next();
      if (oldest.done !== true) this.#owners.delete(oldest.value);
    }
  }
}
