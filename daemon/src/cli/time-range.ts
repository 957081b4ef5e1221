/** The `from`/`to` query parameters of a time-bounded request, as the daemon accepts them. */
export interface TimeRange {
  from?: string;
  to?: string;
}

/** A time range, or why the flags do not make one. */
export type ParsedTimeRange = { ok: true; range: TimeRange } | { ok: false; message: string };

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** `90m`, `24h`, `7d`, `1w` → milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)([mhdw])$/.exec(text.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const unit = UNIT_MS[match[2]];
  return unit === undefined ? undefined : Number(match[1]) * unit;
}

const looksLikeTime = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}([T ].+)?$/.test(text) || /^\d{10,}$/.test(text);

/**
 * Turns `--since 7d` (or a date) and `--from`/`--to` into a range. `--since` and `--from` exclude each other;
 * absolute times pass through for the daemon to validate.
 */
export function timeRangeFrom(
  flags: { since?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: number,
): ParsedTimeRange {
  const range: TimeRange = {};
  if (flags.since !== undefined && flags.from !== undefined) {
    return { ok: false, message: 'use either --since or --from, not both' };
  }
  if (flags.since !== undefined) {
    const duration = parseDuration(flags.since);
    if (duration !== undefined) range.from = new Date(now - duration).toISOString();
    else if (looksLikeTime(flags.since)) range.from = flags.since;
    else
      return {
        ok: false,
        message: `--since expects a duration like 24h, 7d, 1w or 90m, or a date; got '${flags.since}'`,
      };
  }
  if (flags.from !== undefined) range.from = flags.from;
  if (flags.to !== undefined) range.to = flags.to;
  return { ok: true, range };
}
