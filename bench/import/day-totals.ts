/** Token totals of one UTC day. */
export interface DayTotals {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/** Totals per `YYYY-MM-DD`. */
export type DailyTotals = Map<string, DayTotals>;

/** Adds counts to a day, creating it if needed. */
export function addToDay(days: DailyTotals, day: string, add: DayTotals): void {
  const current = days.get(day) ?? { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
  current.input += add.input;
  current.output += add.output;
  current.cacheWrite += add.cacheWrite;
  current.cacheRead += add.cacheRead;
  days.set(day, current);
}

/** The UTC day of an epoch-millisecond time. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function sameInputAndCache(a: DayTotals, b: DayTotals): boolean {
  return a.input === b.input && a.cacheWrite === b.cacheWrite && a.cacheRead === b.cacheRead;
}

/** Per-day rows comparing two sources on input and both cache fields (and output, which ccusage undercounts). */
export function compareDays(
  ours: DailyTotals,
  theirs: DailyTotals,
): { rows: string[][]; mismatches: number } {
  const days = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  let mismatches = 0;
  const rows = days.map((day) => {
    const a = ours.get(day);
    const b = theirs.get(day);
    const same = a !== undefined && b !== undefined && sameInputAndCache(a, b);
    if (!same) mismatches++;
    const cell = (value: number | undefined): string => (value === undefined ? '-' : String(value));
    return [
      day,
      cell(a?.input),
      cell(b?.input),
      cell(a?.cacheWrite),
      cell(b?.cacheWrite),
      cell(a?.cacheRead),
      cell(b?.cacheRead),
      cell(a?.output),
      cell(b?.output),
      same ? 'yes' : 'NO',
    ];
  });
  return { rows, mismatches };
}
