import { type EventIssue, issuesFromZod } from './event-issues';
import { inferProvider, normalizeProviderName } from './provider';
import { normalizeProviderUsage } from './provider-usage';
import { TOKEN_FIELDS, type TokenUsage } from './token-usage';
import { type UsageEvent, type UsageEventWire, usageEventWireSchema } from './usage-event';

/** The most events one request may carry (SPEC section 2). */
export const MAX_EVENTS_PER_BATCH = 10_000;

const EARLIEST_TS = Date.UTC(2000, 0, 1);
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export type ParsedEvents = { ok: true; events: UsageEvent[] } | { ok: false; issues: EventIssue[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function eventList(body: unknown): unknown[] | EventIssue {
  if (Array.isArray(body)) return body;
  if (isRecord(body) && 'events' in body && !('model' in body)) {
    const keys = Object.keys(body).filter((key) => key !== 'events');
    const [extra] = keys;
    if (extra !== undefined) return { index: null, path: extra, message: 'unknown field' };
    return Array.isArray(body.events)
      ? body.events
      : { index: null, path: 'events', message: 'expected an array of events' };
  }
  if (isRecord(body)) return [body];
  return { index: null, path: '', message: 'expected an event object, an array of events, or {"events": [...]}' };
}

function toEpochMs(ts: string | number): number {
  return typeof ts === 'number' ? ts : Date.parse(ts);
}

function normalizeOne(wire: UsageEventWire, index: number, now: number): UsageEvent | EventIssue[] {
  const issues: EventIssue[] = [];
  const provider = wire.provider === undefined ? inferProvider(wire.model) : normalizeProviderName(wire.provider);
  let tokens: TokenUsage = {
    input_tokens: wire.input_tokens ?? 0,
    output_tokens: wire.output_tokens ?? 0,
    cache_creation_input_tokens: wire.cache_creation_input_tokens ?? 0,
    cache_creation_1h_input_tokens: wire.cache_creation_1h_input_tokens ?? 0,
    cache_read_input_tokens: wire.cache_read_input_tokens ?? 0,
    reasoning_tokens: wire.reasoning_tokens ?? 0,
  };
  if (wire.usage !== undefined) {
    const given = TOKEN_FIELDS.find((field) => wire[field] !== undefined);
    if (given !== undefined) {
      issues.push({ index, path: given, message: 'cannot be combined with "usage": send one or the other' });
    }
    const normalized = normalizeProviderUsage(provider, wire.usage);
    if (normalized.ok) tokens = normalized.usage;
    else for (const issue of normalized.issues) issues.push({ index, ...prefixed(issue) });
  }
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
  const ts = wire.ts === undefined ? now : toEpochMs(wire.ts);
  if (ts < EARLIEST_TS) issues.push({ index, path: 'ts', message: 'expected a time on or after 2000-01-01' });
  if (ts > now + MAX_FUTURE_MS) issues.push({ index, path: 'ts', message: 'expected a time at most 24 h in the future' });
  if (wire.status !== 'error' && wire.error !== undefined) {
    issues.push({ index, path: 'error', message: 'only allowed with "status": "error"' });
  }
  if (issues.length > 0) return issues;
  const { usage: _usage, ts: _ts, provider: _provider, ...rest } = wire;
  return { ...rest, ...tokens, ts, provider, source: wire.source ?? 'api', status: wire.status ?? 'ok' };
}

function prefixed(issue: { path: (string | number)[]; message: string }): { path: string; message: string } {
  const path = ['usage', ...issue.path].map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.');
  return { path: path.replace(/\.\[/g, '['), message: issue.message };
}

/**
 * Validates a request body (one event, an array, or `{"events": [...]}`) against SPEC section 1 and normalizes it.
 * All or nothing: any issue rejects the whole batch, and every issue names its event and field.
 */
export function parseUsageEvents(body: unknown, context: { now: number }): ParsedEvents {
  const list = eventList(body);
  if (!Array.isArray(list)) return { ok: false, issues: [list] };
  if (list.length > MAX_EVENTS_PER_BATCH) {
    return {
      ok: false,
      issues: [{ index: null, path: 'events', message: `expected at most ${MAX_EVENTS_PER_BATCH} events, got ${list.length}` }],
    };
  }
  const events: UsageEvent[] = [];
  const issues: EventIssue[] = [];
  list.forEach((raw, index) => {
    const parsed = usageEventWireSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...issuesFromZod(index, parsed.error.issues));
      return;
    }
    const normalized = normalizeOne(parsed.data, index, context.now);
    if (Array.isArray(normalized)) issues.push(...normalized);
    else events.push(normalized);
  });
  // Cap the list so a 10,000-event batch of garbage does not produce a multi-megabyte error body.
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, 100) } : { ok: true, events };
}
