/** How long to keep trying, and how often. */
export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Says what was awaited when time runs out. */
  what?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until `done(value)` holds and returns that value; throws with the last value seen when time runs
 * out (so a failing test shows how far things got).
 */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 100, what = 'a condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${String(timeoutMs)} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`,
      );
    }
    await sleep(intervalMs);
  }
}
