// Local wall-clock arithmetic through Intl.DateTimeFormat, the only zone database available without I/O.
// A "wall time" is the local date and time written as if it were UTC epoch milliseconds, so that
// `wall - instant` is the zone's offset at that instant.

export type TimeZoneResult = { ok: true; value: string } | { ok: false; message: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

// `format` is several times faster than `formatToParts`; the en-US layout is fixed: `MM/DD/YYYY, HH:MM:SS`.
const WALL_PATTERN = /^(\d{2})\/(\d{2})\/(\d+), (\d{2}):(\d{2}):(\d{2})$/;

function createFormatter(tz: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

function formatterFor(tz: string): Intl.DateTimeFormat {
  const cached = formatters.get(tz);
  if (cached !== undefined) return cached;
  try {
    const created = createFormatter(tz);
    formatters.set(tz, created);
    return created;
  } catch (cause) {
    throw new Error(`unknown time zone "${tz}" (validate it with parseTimeZone first)`, { cause });
  }
}

/** Checks an IANA time zone name; the value is the zone's canonical spelling (`utc` → `UTC`). */
export function parseTimeZone(name: string): TimeZoneResult {
  try {
    const formatter = createFormatter(name);
    return { ok: true, value: formatter.resolvedOptions().timeZone };
  } catch {
    return { ok: false, message: `unknown time zone "${name}": expected an IANA name like Europe/Paris` };
  }
}

/** The local wall time of an instant in a zone, as epoch-like milliseconds (local fields read as UTC). */
export function wallTime(ts: number, tz: string): number {
  if (tz === 'UTC') return ts;
  const text = formatterFor(tz).format(ts);
  const match = WALL_PATTERN.exec(text);
  if (match === null) throw new Error(`unexpected date format from Intl: "${text}"`);
  const [, month, day, year, hour, minute, second] = match.map(Number);
  const millis = ts - Math.floor(ts / 1000) * 1000;
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second) + millis;
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -18000000). */
export function offsetAt(ts: number, tz: string): number {
  return wallTime(ts, tz) - ts;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Renders an instant as RFC 3339 in a zone, with its local offset (`2026-03-08T00:00:00-05:00`, or `Z` at zero). */
export function formatZoned(ts: number, tz: string): string {
  const wall = new Date(wallTime(ts, tz));
  const offsetMinutes = Math.round((wall.getTime() - ts) / 60_000);
  const millis = wall.getUTCMilliseconds();
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  if (offsetMinutes === 0) return `${date}T${time}${fraction}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}${fraction}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
