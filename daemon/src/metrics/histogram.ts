/** A Prometheus histogram: cumulative bucket counts, sum and count. */
export interface Histogram {
  observe(value: number): void;
  /** The exposition lines of this histogram under `name`. */
  lines(name: string): string[];
}

/** Creates a histogram with upper bounds `bounds` (ascending; +Inf is added). */
export function createHistogram(bounds: readonly number[]): Histogram {
  const counts = new Array<number>(bounds.length).fill(0);
  let sum = 0;
  let count = 0;
  return {
    observe(value) {
      sum += value;
      count += 1;
      const index = bounds.findIndex((bound) => value <= bound);
      if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
    },
    lines(name) {
      let cumulative = 0;
      const lines = bounds.map((bound, i) => {
        cumulative += counts[i] ?? 0;
        return `${name}_bucket{le="${bound}"} ${cumulative}`;
      });
      lines.push(`${name}_bucket{le="+Inf"} ${count}`, `${name}_sum ${sum}`, `${name}_count ${count}`);
      return lines;
    },
  };
}
