/** What one tokenizer did on one text. */
export interface Timing {
  /** MB/s (10^6 UTF-8 bytes per CPU second) of the first timed run. */
  readonly coldMbps: number;
  /** MB/s of the median later run (caches filled by the first). */
  readonly warmMbps: number;
  /** Milliseconds of the fastest run. */
  readonly bestMs: number;
}

/** A tokenizer under test: counts the tokens of a text. */
export type Count = (text: string) => number;

/** UTF-8 size of a text in bytes. */
export function byteSize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A tokenizer to time on a text, with a different text of the same kind to warm its JIT up on. */
export interface Trial {
  readonly count: Count;
  readonly text: string;
  readonly warmup: string;
}

// CPU time of this process (user + system), not wall time: on a machine shared with other work, waiting for a
// core is not the tokenizer's doing. Alone on a machine the two are close (GC helper threads add a little).
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Times trials in rounds, interleaved so that a busy machine slows all of them alike: each warms up on its
 * own `warmup` (JIT, not caches), then round 0 is its cold run and the median of the later rounds its warm
 * figure. Timings come back in the order of `trials`.
 */
export function measure(trials: readonly Trial[], rounds: number): Timing[] {
  const runs = trials.map((): number[] => []);
  for (const trial of trials) trial.count(trial.warmup);
  for (let round = 0; round < rounds; round++) {
    trials.forEach((trial, index) => {
      const start = cpuMs();
      trial.count(trial.text);
      runs[index]?.push(cpuMs() - start);
    });
  }
  return trials.map((trial, index) => {
    const all = runs[index] ?? [];
    const cold = all[0] ?? Number.NaN;
    const later = all.slice(1).sort((a, b) => a - b);
    const median = later[Math.floor(later.length / 2)] ?? cold;
    const mb = byteSize(trial.text) / 1e6;
    return { coldMbps: mb / (cold / 1000), warmMbps: mb / (median / 1000), bestMs: Math.min(...all) };
  });
}

/** Index of the first difference between two token lists, or -1 when they are equal. */
export function firstDifference(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Formats rows as a plain-text table with aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}
