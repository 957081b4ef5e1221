/** One line of a benchmark table: what, ours, the baseline, their ratio, and the target. */
export interface BenchRow {
  name: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  const header: BenchRow = {
    name: 'measure',
    ours: 'tokentally',
    baseline: 'baseline',
    ratio: 'ratio',
    target: 'target',
  };
  const all = [header, ...rows];
  const keys = ['name', 'ours', 'baseline', 'ratio', 'target'] as const;
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: BenchRow): string => keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(' | ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

/** A number with thousands separators. */
export const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
