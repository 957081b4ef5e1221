/** A task run at most once per interval however often it is asked for; a request during the wait runs after it. */
export interface Throttle {
  request(): void;
  cancel(): void;
}

/** Throttles `task`: the first request runs at once, later ones are folded into one run at the interval's end. */
export function createThrottle(task: () => void, intervalMs: number, now: () => number = Date.now): Throttle {
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    timer = undefined;
    lastRun = now();
    task();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = lastRun + intervalMs - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
