import { parseUsageEvents } from '@tokentally/shared/schema/parse-events';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { type SkipReason, spanToEvent } from './span-event';
import type { TraceRequest } from './trace-request';

/** The most rejection messages one answer repeats; the count covers them all. */
const MAX_MESSAGES = 5;

/** What an export request's spans came to: events to store, spans skipped per reason, and spans rejected. */
export interface TraceEvents {
  events: UsageEvent[];
  spans: number;
  skipped: Record<SkipReason, number>;
  rejected: { count: number; messages: string[] };
}

/**
 * Turns every span with token usage into a validated event. A span that is not an LLM call is skipped; one whose
 * usage cannot be read or breaks the event schema is rejected alone (OTLP's partial success), never the request.
 */
export function eventsFromTraces(request: TraceRequest, now: number): TraceEvents {
  const result: TraceEvents = {
    events: [],
    spans: 0,
    skipped: { no_usage: 0, agent_rollup: 0 },
    rejected: { count: 0, messages: [] },
  };
  const reject = (spanId: string, message: string): void => {
    result.rejected.count += 1;
    if (result.rejected.messages.length < MAX_MESSAGES)
      result.rejected.messages.push(`span ${spanId}: ${message}`);
  };
  for (const { resource, spans } of request.resourceSpans) {
    for (const span of spans) {
      result.spans += 1;
      const outcome = spanToEvent(span, resource);
      if (outcome.kind === 'skipped') {
        result.skipped[outcome.reason] += 1;
        continue;
      }
      if (outcome.kind === 'rejected') {
        reject(span.spanId, outcome.message);
        continue;
      }
      const parsed = parseUsageEvents([outcome.event], { now });
      if (parsed.ok) result.events.push(...parsed.events);
      else reject(span.spanId, parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    }
  }
  return result;
}

/** The `errorMessage` of a partial success, or undefined when every span was taken. */
export function rejectionMessage({ rejected }: TraceEvents): string | undefined {
  if (rejected.count === 0) return undefined;
  const more =
    rejected.count > rejected.messages.length
      ? ` (and ${rejected.count - rejected.messages.length} more)`
      : '';
  return `${rejected.count} span(s) with token usage could not be stored: ${rejected.messages.join('; ')}${more}`;
}
