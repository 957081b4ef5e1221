/** Retry delays: doubling from `initialMs` after each failed attempt, never above `maxMs`. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/** Retries start after a second and settle at 30 s (the MV3 alarm period, which also wakes the worker). */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };

/** The delay before retry number `failures` (0 after a connection that worked: retry soon). */
export function retryDelay(failures: number, { initialMs, maxMs }: BackoffOptions): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(failures, 30));
}

/** Waits `ms`, or less when aborted or when the returned `wake` is called. */
export function interruptibleDelay(
  ms: number,
  signal: AbortSignal,
): { done: Promise<void>; wake: () => void } {
  let wake = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish);
    wake = finish;
  });
  return { done, wake };
}
