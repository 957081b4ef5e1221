import { inferProvider } from '@tokentally/shared/schema/provider';
import { TOKEN_FIELDS } from '@tokentally/shared/schema/token-usage';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';

const MAX_LABEL = 256;
const MAX_TAG_VALUE = 256;
// SPEC section 1: a time before 2000-01-01 or more than 24 h ahead is refused, a model is 1..200 characters,
// a count is an integer up to 1e9.
const EARLIEST_TS = Date.UTC(2000, 0, 1);
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const MAX_MODEL = 200;
const MAX_COUNT = 1_000_000_000;

/** An event as a log parser builds it: every token field set, the time as the log's RFC 3339 string. */
export type LogEventFields = Omit<UsageEvent, 'ts' | 'provider' | 'status'> & { ts: string };

/** A label as the event schema accepts it: at most 256 characters (longer ones keep their end), never empty. */
export function fitLabel(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return value.length > MAX_LABEL ? value.slice(-MAX_LABEL) : value;
}

/** A tag value cut to the schema's 256 characters, keeping the end (a path's most telling part). */
export function fitTag(value: string): string {
  return value.length > MAX_TAG_VALUE ? value.slice(-MAX_TAG_VALUE) : value;
}

/** The last segment of a path (`/home/me/app` → `app`), on either separator. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[/\\]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/**
 * Finishes an event built from a log line, holding it to SPEC section 1 like `POST /v1/events` does, or
 * returns null for one the API would refuse (a time before 2000, say). Labels are already fitted by the
 * parsers and counts come from their schemas, so only the rules a log can still break are checked here:
 * running every event through the API's full parser cost more than parsing the log line itself.
 */
export function usageEventFromLog(fields: LogEventFields, now: number): UsageEvent | null {
  const ts = Date.parse(fields.ts);
  if (!Number.isFinite(ts) || ts < EARLIEST_TS || ts > now + MAX_FUTURE_MS) return null;
  if (fields.model.length === 0 || fields.model.length > MAX_MODEL) return null;
  for (const field of TOKEN_FIELDS) {
    const count = fields[field];
    if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) return null;
  }
  if (fields.cache_creation_1h_input_tokens > fields.cache_creation_input_tokens) return null;
  if (fields.reasoning_tokens > fields.output_tokens) return null;
  if (fields.cost_usd !== undefined && !(fields.cost_usd >= 0 && fields.cost_usd <= 1_000_000)) return null;
  return { ...fields, ts, provider: inferProvider(fields.model), status: 'ok' };
}
