import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';
import { spanProvider } from './gen-ai-provider';
import { spanUsage } from './gen-ai-usage';
import { clip, stringAttribute } from './span-attributes';
import { type Attributes, SPAN_KIND_INTERNAL, STATUS_CODE_ERROR, type TraceSpan } from './trace-request';

/** Why a span gave no event without being wrong: it reports no usage, or it sums usage its child spans report. */
export type SkipReason = 'no_usage' | 'agent_rollup';

/** What became of one span. */
export type SpanOutcome =
  | { kind: 'event'; event: UsageEventWire }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'rejected'; message: string };

/** Attributes labels are read from, most specific first; `tokentally.*` lets a user set them outright. */
export const LABEL_ATTRIBUTES = {
  model: ['gen_ai.response.model', 'gen_ai.request.model', 'llm.model_name'],
  agent: ['tokentally.agent', 'gen_ai.agent.name', 'service.name'],
  project: ['tokentally.project'],
  session: ['tokentally.session_id', 'gen_ai.conversation.id', 'session.id'],
  requestId: ['gen_ai.response.id'],
  operation: ['gen_ai.operation.name'],
  errorType: ['error.type'],
} as const;

// A local agent's or workflow's span sums the usage of the model calls beneath it, which are spans of their own;
// counting both would count each call twice. (A remote agent's CLIENT span is the only record of its calls.)
const ROLLUP_OPERATIONS = new Set(['invoke_agent', 'invoke_workflow']);
const ROLLUP_OPENINFERENCE_KINDS = new Set(['AGENT', 'CHAIN']);

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const NANOS_PER_MS = 1_000_000n;
const MAX_DURATION_MS = 31_536_000_000;

function isRollup(span: TraceSpan): boolean {
  const operation = span.attributes.get('gen_ai.operation.name');
  const openInferenceKind = span.attributes.get('openinference.span.kind');
  return (
    (typeof operation === 'string' && ROLLUP_OPERATIONS.has(operation) && span.kind === SPAN_KIND_INTERNAL) ||
    (typeof openInferenceKind === 'string' && ROLLUP_OPENINFERENCE_KINDS.has(openInferenceKind.toUpperCase()))
  );
}

// The OpenTelemetry SDKs name a service they were not told about `unknown_service[:process]`: not an agent name.
function agentName(sources: readonly Attributes[]): string | undefined {
  const name = stringAttribute(sources, LABEL_ATTRIBUTES.agent);
  return name?.startsWith('unknown_service') === true ? undefined : name;
}

function timing(span: TraceSpan): Pick<UsageEventWire, 'ts' | 'duration_ms'> {
  const { startTimeUnixNano: start, endTimeUnixNano: end } = span;
  const at = start > 0n ? start : end;
  if (at <= 0n) return {};
  const ts = Number(at / NANOS_PER_MS);
  if (start <= 0n || end < start) return { ts };
  const duration = Math.round(Number(end - start) / Number(NANOS_PER_MS));
  return duration <= MAX_DURATION_MS ? { ts, duration_ms: duration } : { ts };
}

/**
 * Turns one span into a usage event (SPEC: `source` `otlp`, id `traceId:spanId`), or says why it has none.
 * `resource` holds the attributes of the span's resource (`service.name`...), read after the span's own.
 */
export function spanToEvent(span: TraceSpan, resource: Attributes): SpanOutcome {
  if (isRollup(span)) return { kind: 'skipped', reason: 'agent_rollup' };
  const usage = spanUsage(span.attributes);
  if (usage === undefined) return { kind: 'skipped', reason: 'no_usage' };
  if (!usage.ok) return { kind: 'rejected', message: usage.message };
  if (!TRACE_ID.test(span.traceId) || !SPAN_ID.test(span.spanId)) {
    return { kind: 'rejected', message: `invalid trace id "${span.traceId}" or span id "${span.spanId}"` };
  }
  const sources = [span.attributes, resource];
  const model = clip(stringAttribute(sources, LABEL_ATTRIBUTES.model), 200) ?? 'unknown';
  const provider = clip(spanProvider(sources, model), 64);
  const operation = clip(stringAttribute(sources, LABEL_ATTRIBUTES.operation), 256);
  const failed = span.status.code === STATUS_CODE_ERROR;
  const error = failed
    ? span.status.message || stringAttribute(sources, LABEL_ATTRIBUTES.errorType)
    : undefined;
  const event: UsageEventWire = {
    id: `${span.traceId}:${span.spanId}`,
    model,
    ...timing(span),
    ...usage.usage,
    source: 'otlp',
    status: failed ? 'error' : 'ok',
  };
  const labels = {
    provider,
    agent: clip(agentName(sources), 256),
    project: clip(stringAttribute(sources, LABEL_ATTRIBUTES.project), 256),
    session_id: clip(stringAttribute(sources, LABEL_ATTRIBUTES.session), 256),
    request_id: clip(stringAttribute(sources, LABEL_ATTRIBUTES.requestId), 256),
    error: clip(error, 2000),
  };
  // Absent labels are left out rather than set to undefined (the wire schema has no undefined values).
  for (const [key, value] of Object.entries(labels))
    if (value !== undefined) Object.assign(event, { [key]: value });
  if (operation !== undefined) event.tags = { operation };
  return { kind: 'event', event };
}
