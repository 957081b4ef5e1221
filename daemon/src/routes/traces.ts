import { Hono } from 'hono';
import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import type { Clock } from '../clock';
import { ApiError } from '../http-error';
import { decodeJsonTraces } from '../ingest/otlp/decode-json';
import { decodeProtobufTraces } from '../ingest/otlp/decode-protobuf';
import {
  type ExportOutcome,
  jsonExportResponse,
  protobufExportResponse,
} from '../ingest/otlp/export-response';
import { otlpFormat, parseJsonBytes, readOtlpBody } from '../ingest/otlp/request-body';
import { eventsFromTraces, rejectionMessage } from '../ingest/otlp/trace-events';
import type { Logger } from '../logger';
import type { DaemonMetrics } from '../metrics/daemon-metrics';
import { WriterClosedError } from '../store/writer';

/** What `POST /v1/traces` is built from. */
export interface TracesRouteDeps {
  /** Stores events durably (the store's group-commit `ingest`); a known id counts as a duplicate. */
  ingest: (events: UsageEvent[]) => Promise<IngestResult>;
  clock: Clock;
  logger: Logger;
  /** Counts the request in /metrics like a `POST /v1/events`. */
  metrics?: Pick<DaemonMetrics, 'observeIngest'>;
}

const ENCODING_NAMES = { json: 'OTLP/JSON', protobuf: 'OTLP/protobuf' } as const;

/**
 * `POST /v1/traces` (mount at `/v1/traces`): OTLP/HTTP trace export in JSON or protobuf. Each span with token
 * usage becomes an event (`source` `otlp`, id `traceId:spanId`, so a re-sent export stores nothing twice); the
 * answer is OTLP's `ExportTraceServiceResponse` in the request's encoding, sent once the events are durable.
 */
export function createTracesRoute({ ingest, clock, logger, metrics }: TracesRouteDeps): Hono {
  const app = new Hono();

  app.post('/', async (c) => {
    const started = performance.now();
    const format = otlpFormat(c.req.header('content-type'));
    const body = await readOtlpBody(c);
    const decoded = format === 'json' ? decodeJsonTraces(parseJsonBytes(body)) : decodeProtobufTraces(body);
    if (!decoded.ok) {
      const [first] = decoded.issues;
      const where = first?.path ? `${first.path}: ` : '';
      const message = `the body is not an ${ENCODING_NAMES[format]} ExportTraceServiceRequest: ${where}${first?.message ?? 'unreadable'}`;
      const issues = decoded.issues.map((issue) => ({ index: null, ...issue }));
      throw new ApiError(400, 'invalid_otlp', message, { issues });
    }
    const result = eventsFromTraces(decoded.request, clock.now());
    let stored = { accepted: 0, duplicates: 0 };
    if (result.events.length > 0) {
      try {
        stored = await ingest(result.events);
      } catch (error) {
        // 503 is one of the statuses OTLP exporters retry.
        if (error instanceof WriterClosedError) throw new ApiError(503, 'shutting_down', error.message);
        throw error;
      }
    }
    metrics?.observeIngest((performance.now() - started) / 1000, stored.accepted, stored.duplicates);
    const outcome: ExportOutcome = {
      rejectedSpans: result.rejected.count,
      errorMessage: rejectionMessage(result),
    };
    const report = {
      spans: result.spans,
      ...stored,
      skipped: result.skipped,
      rejected: result.rejected.count,
    };
    if (outcome.errorMessage === undefined) logger.debug?.('otlp export', report);
    else logger.warn(`otlp export: ${outcome.errorMessage}`, report);
    if (format === 'json') return c.json(jsonExportResponse(outcome));
    return c.body(protobufExportResponse(outcome), 200, { 'content-type': 'application/x-protobuf' });
  });

  return app;
}
