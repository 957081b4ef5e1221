import { streamClientMessageSchema } from '@tokentally/shared/api/ingest';
import { issuesFromZod, summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { parseUsageEvents } from '@tokentally/shared/schema/parse-events';
import type { Clock } from '../clock';
import { ApiError } from '../http-error';
import type { DaemonMetrics } from '../metrics/daemon-metrics';
import type { EventStore } from '../store/event-store';
import { WriterClosedError } from '../store/writer';

type Ref = string | number | null;

/** An `ack` or `error` answer to a client's message on the stream. */
export type ClientReply =
  | { type: 'ack'; ref: Ref; accepted: number; duplicates: number; last_seq: number | null }
  | { type: 'error'; ref: Ref; error: ReturnType<ApiError['body']>['error'] };

function refOf(message: unknown): Ref {
  if (typeof message !== 'object' || message === null || !('ref' in message)) return null;
  const { ref } = message;
  return typeof ref === 'string' || typeof ref === 'number' ? ref : null;
}

const failure = (ref: Ref, error: ApiError): ClientReply => ({
  type: 'error',
  ref,
  error: error.body().error,
});

/**
 * Answers `{"type": "events", "events": [...], "ref"}`: the events are validated and stored like a
 * `POST /v1/events` body (all or nothing, acknowledged once durable); anything else gets an error naming why.
 */
export async function answerClientMessage(
  text: string,
  deps: { store: EventStore; clock: Clock; metrics: DaemonMetrics },
): Promise<ClientReply> {
  const started = performance.now();
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (cause) {
    return failure(
      null,
      new ApiError(400, 'invalid_json', `the message is not valid JSON: ${String(cause)}`),
    );
  }
  const ref = refOf(message);
  const parsed = streamClientMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issues = issuesFromZod(null, parsed.error.issues);
    return failure(ref, new ApiError(400, 'invalid_message', summarizeIssues(issues), { issues }));
  }
  const events = parseUsageEvents(parsed.data.events, { now: deps.clock.now() });
  if (!events.ok) {
    return failure(
      ref,
      new ApiError(400, 'invalid_events', summarizeIssues(events.issues), { issues: events.issues }),
    );
  }
  try {
    const result = await deps.store.ingest(events.events);
    deps.metrics.observeIngest((performance.now() - started) / 1000, result.accepted, result.duplicates);
    return {
      type: 'ack',
      ref,
      accepted: result.accepted,
      duplicates: result.duplicates,
      last_seq: result.last_seq,
    };
  } catch (error) {
    const closing = error instanceof WriterClosedError;
    return failure(
      ref,
      new ApiError(closing ? 503 : 500, closing ? 'shutting_down' : 'internal', String(error)),
    );
  }
}
