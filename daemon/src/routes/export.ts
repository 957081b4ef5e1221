import { Hono } from 'hono';
import { nanosToUsd } from '@tokentally/shared/aggregate/aggregate';
import { exportQuerySchema } from '@tokentally/shared/api/query';
import {
  EXPORT_CONTENT_TYPES,
  type ExportTarget,
  exportChunks,
  exportFileName,
} from '@tokentally/shared/export/export-chunks';
import type { ExportStatistics } from '@tokentally/shared/export/statistics';
import type { EventStore } from '../store/event-store';
import type { EventSelection } from '../store/event-queries';
import { labelFilter, parseQuery, timeParam } from './request-input';
import type { RouteDeps } from './route-deps';

const iso = (ms: number): string => new Date(ms).toISOString();

// Totals from the rollups and the time range from the ts index: no pass over the events before streaming them.
function statistics(store: EventStore, selection: EventSelection, now: number): ExportStatistics {
  const finite = (value: number): number | undefined => (Number.isFinite(value) ? value : undefined);
  const totals = store.partialSummary({
    filter: selection.filter,
    from: finite(selection.from),
    to: finite(selection.to),
    tz: 'UTC',
  }).totals;
  const range = store.timeRange(selection);
  return {
    generated_at: iso(now),
    from: range === null ? null : iso(range.min),
    to: range === null ? null : iso(range.max),
    requests: totals.requests,
    input_tokens: totals.input_tokens,
    output_tokens: totals.output_tokens,
    cache_creation_input_tokens: totals.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: totals.cache_creation_1h_input_tokens,
    cache_read_input_tokens: totals.cache_read_input_tokens,
    reasoning_tokens: totals.reasoning_tokens,
    total_tokens: totals.total_tokens,
    cost_usd: nanosToUsd(totals.cost_nanos),
    unpriced_requests: totals.unpriced_requests,
  };
}

/**
 * `GET /v1/export`: every matching event as CSV, JSON (`{"statistics", "events"}`) or NDJSON, streamed as an
 * attachment. Events are read a page at a time as the client drains the response, so memory stays flat however
 * large the export; the export holds the events committed when it started.
 */
export function exportRoutes({ store, clock }: RouteDeps): Hono {
  const app = new Hono();
  app.get('/v1/export', (c) => {
    const query = parseQuery(c, exportQuerySchema);
    const now = clock.now();
    const selection: EventSelection = {
      after: 0,
      upTo: store.lastSeq(),
      from: timeParam(query.from) ?? Number.NEGATIVE_INFINITY,
      to: timeParam(query.to) ?? Number.POSITIVE_INFINITY,
      filter: labelFilter(query),
    };
    const target: ExportTarget =
      query.format === 'json'
        ? { format: 'json', statistics: statistics(store, selection, now) }
        : { format: query.format };
    const chunks = exportChunks(target, store.iterate(selection));
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      cancel() {
        chunks.return();
      },
    });
    return c.body(body, 200, {
      'content-type': EXPORT_CONTENT_TYPES[query.format],
      'content-disposition': `attachment; filename="${exportFileName(query.format, iso(now))}"`,
      'cache-control': 'no-store',
    });
  });
  return app;
}
