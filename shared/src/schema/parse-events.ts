import { boundedMemo } from '../bounded-memo';
import { type EventIssue, issuesFromZod, safeParseForIssues } from './event-issues';
import { inferProvider, normalizeProviderName } from './provider';
import { normalizeProviderUsage } from './provider-usage';
import { TOKEN_FIELDS, type TokenUsage } from './token-usage';
import { type UsageEvent, type UsageEventWire, usageEventWireSchema } from './usage-event';

/** The most events one request may carry (SPEC section 2). */
export const MAX_EVENTS_PER_BATCH = 10_000;

/** The most issues one rejected batch reports, so a batch of garbage does not produce a multi-megabyte error body. */
export const MAX_ISSUES = 100;

const EARLIEST_TS = Date.UTC(2000, 0, 1);
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export type ParsedEvents = { ok: true; events: UsageEvent[] } | { ok: false; issues: EventIssue[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

function eventList(body: unknown): readonly unknown[] | EventIssue {
  if (isList(body)) return body;
  if (isRecord(body) && Object.hasOwn(body, 'events') && !Object.hasOwn(body, 'model')) {
    const [extra] = Object.keys(body).filter((key) => key !== 'events');
    if (extra !== undefined) return { index: null, path: extra, message: 'unknown field' };
    return isList(body.events)
      ? body.events
      : { index: null, path: 'events', message: 'expected an array of events' };
  }
  if (isRecord(body)) return [body];
  return {
    index: null,
    path: '',
    message: 'expected an event object, an array of events, or {"events": [...]}',
  };
}

// Python SDKs serialize absent optionals as null (Anthropic's `cache_read_input_tokens: None`): null means absent.
// Copies only when a null is present: most senders send none, and the copy was a large part of a parse.
function withoutNulls(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  for (const key in raw) {
    if (raw[key] === null && Object.hasOwn(raw, key)) {
      return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
    }
  }
  return raw;
}

// Inference runs a dozen regular expressions, and a stream of events names few models: the answers are remembered.
const inferredProvider = boundedMemo(inferProvider, 1000);

function checkTime(ts: string | number | undefined, index: number, now: number): number | EventIssue {
  if (ts === undefined) return now;
  const ms = typeof ts === 'number' ? ts : Date.parse(ts);
  if (!Number.isFinite(ms)) return { index, path: 'ts', message: 'expected a valid date-time' };
  if (ms < EARLIEST_TS) {
    const hint = typeof ts === 'number' ? ' (ts is epoch milliseconds, not seconds)' : '';
    return { index, path: 'ts', message: `expected a time on or after 2000-01-01${hint}` };
  }
  const tooLate = ms > now + MAX_FUTURE_MS;
  return tooLate ? { index, path: 'ts', message: 'expected a time at most 24 h in the future' } : ms;
}

function tokensOf(wire: UsageEventWire, index: number): TokenUsage | EventIssue[] {
  if (wire.usage === undefined) {
    return {
      input_tokens: wire.input_tokens ?? 0,
      output_tokens: wire.output_tokens ?? 0,
      cache_creation_input_tokens: wire.cache_creation_input_tokens ?? 0,
      cache_creation_1h_input_tokens: wire.cache_creation_1h_input_tokens ?? 0,
      cache_read_input_tokens: wire.cache_read_input_tokens ?? 0,
      reasoning_tokens: wire.reasoning_tokens ?? 0,
    };
  }
  const combined = TOKEN_FIELDS.filter((field) => wire[field] !== undefined).map((field) => ({
    index,
    path: field,
    message: 'cannot be combined with "usage": send one or the other',
  }));
  const normalized = normalizeProviderUsage(wire.usage);
  if (!normalized.ok) {
    const usageIssues = normalized.issues.map((issue) => ({
      index,
      path: issue.path === '' ? 'usage' : `usage.${issue.path}`,
      message: issue.message,
    }));
    return [...combined, ...usageIssues];
  }
  return combined.length > 0 ? combined : normalized.usage;
}

function consistencyIssues(tokens: TokenUsage, index: number): EventIssue[] {
  const issues: EventIssue[] = [];
  if (tokens.cache_creation_1h_input_tokens > tokens.cache_creation_input_tokens) {
    issues.push({
      index,
      path: 'cache_creation_1h_input_tokens',
      message: 'expected at most cache_creation_input_tokens (it is the 1-hour part of it)',
    });
  }
  if (tokens.reasoning_tokens > tokens.output_tokens) {
    issues.push({
      index,
      path: 'reasoning_tokens',
      message: 'expected at most output_tokens (reasoning is part of the output)',
    });
  }
  return issues;
}

function normalizeOne(wire: UsageEventWire, index: number, now: number): UsageEvent | EventIssue[] {
  const tokens = tokensOf(wire, index);
  const issues = Array.isArray(tokens) ? tokens : consistencyIssues(tokens, index);
  const ts = checkTime(wire.ts, index, now);
  if (typeof ts !== 'number') issues.push(ts);
  if (wire.status === 'ok' && wire.error !== undefined) {
    issues.push({ index, path: 'error', message: 'only allowed with "status": "error"' });
  }
  if (Array.isArray(tokens) || typeof ts !== 'number' || issues.length > 0) return issues;
  const given = wire.provider?.trim() ?? '';
  const provider = given === '' ? inferredProvider(wire.model) : normalizeProviderName(given);
  // An error message without a status can only describe a failed request.
  const status = wire.status ?? (wire.error === undefined ? 'ok' : 'error');
  return eventOf(wire, tokens, { ts, provider, status });
}

// eventOf copies the optional fields by name: one added to the schema but not to eventOf fails to compile here.
type UncopiedField = Exclude<
  keyof UsageEvent,
  | keyof TokenUsage
  | 'model'
  | 'ts'
  | 'provider'
  | 'source'
  | 'status'
  | 'id'
  | 'cost_usd'
  | 'agent'
  | 'session_id'
  | 'project'
  | 'tool'
  | 'request_id'
  | 'duration_ms'
  | 'error'
  | 'tags'
>;
type EveryFieldCopied = [UncopiedField] extends [never] ? true : never;
true satisfies EveryFieldCopied;

// Built field by field in one fixed order: rest/spread copies of the wire object cost several times the
// validation, and one shape for every event keeps the code that reads events monomorphic.
function eventOf(
  wire: UsageEventWire,
  tokens: TokenUsage,
  fixed: { ts: number; provider: string; status: 'ok' | 'error' },
): UsageEvent {
  const event: UsageEvent = {
    model: wire.model,
    ts: fixed.ts,
    provider: fixed.provider,
    input_tokens: tokens.input_tokens,
    output_tokens: tokens.output_tokens,
    cache_creation_input_tokens: tokens.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: tokens.cache_creation_1h_input_tokens,
    cache_read_input_tokens: tokens.cache_read_input_tokens,
    reasoning_tokens: tokens.reasoning_tokens,
    source: wire.source ?? 'api',
    status: fixed.status,
  };
  if (wire.id !== undefined) event.id = wire.id;
  if (wire.cost_usd !== undefined) event.cost_usd = wire.cost_usd;
  if (wire.agent !== undefined) event.agent = wire.agent;
  if (wire.session_id !== undefined) event.session_id = wire.session_id;
  if (wire.project !== undefined) event.project = wire.project;
  if (wire.tool !== undefined) event.tool = wire.tool;
  if (wire.request_id !== undefined) event.request_id = wire.request_id;
  if (wire.duration_ms !== undefined) event.duration_ms = wire.duration_ms;
  if (wire.error !== undefined) event.error = wire.error;
  if (wire.tags !== undefined) event.tags = wire.tags;
  return event;
}

// All or nothing: any issue rejects the whole batch, and every issue names its event and field.
/** Validates and normalizes a request body (an event, an array, or `{"events": [...]}`) per SPEC section 1. */
export function parseUsageEvents(body: unknown, context: { now: number }): ParsedEvents {
  const list = eventList(body);
  if (!isList(list)) return { ok: false, issues: [list] };
  if (list.length > MAX_EVENTS_PER_BATCH) {
    const message = `expected at most ${MAX_EVENTS_PER_BATCH} events, got ${list.length}`;
    return { ok: false, issues: [{ index: null, path: 'events', message }] };
  }
  const events: UsageEvent[] = [];
  const issues: EventIssue[] = [];
  list.forEach((raw, index) => {
    const parsed = safeParseForIssues(usageEventWireSchema, withoutNulls(raw));
    if (!parsed.success) {
      issues.push(...issuesFromZod(index, parsed.error.issues));
      return;
    }
    const normalized = normalizeOne(parsed.data, index, context.now);
    if (Array.isArray(normalized)) issues.push(...normalized);
    else events.push(normalized);
  });
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, MAX_ISSUES) } : { ok: true, events };
}
