/**
 * Runs an async job one at a time: a request while it runs makes it run once more afterwards, and `after`
 * asks for a run in `delayMs` unless an earlier one is already due. Stopping cancels what is pending.
 */
export class TickScheduler {
  readonly #job: () => Promise<void>;
  #timer: NodeJS.Timeout | undefined;
  #dueAt = Number.POSITIVE_INFINITY;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(job: () => Promise<void>) {
    this.#job = job;
  }

  /** Asks for a run in `delayMs`. */
  after(delayMs: number): void {
    if (this.#stopped) return;
    const dueAt = Date.now() + delayMs;
    if (this.#timer !== undefined && dueAt >= this.#dueAt) return;
    clearTimeout(this.#timer);
    this.#dueAt = dueAt;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#dueAt = Number.POSITIVE_INFINITY;
        void this.run();
      },
      Math.max(0, delayMs),
    );
  }

  /** Runs now, or right after the run in progress. */
  async run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        if (!this.#stopped) await this.#job();
      } while (this.#takeAgain() && !this.#stopped);
    })();
    try {
      await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  #takeAgain(): boolean {
    const again = this.#again;
    this.#again = false;
    return again;
  }

  /** Cancels pending runs and waits for the one in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
