/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Times in ms as `median 42 ms (min 40, max 57, first 81; n=7)`. */
export function summarizeTimes(values: readonly number[]): string {
  const round = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(0));
  return `median ${round(median(values))} ms (min ${round(Math.min(...values))}, max ${round(Math.max(...values))}, first ${round(values[0])}; n=${String(values.length)})`;
}
