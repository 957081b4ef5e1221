import { z } from 'zod';
import { addEvent, type Aggregate, emptyAggregate, nanosToUsd } from '../aggregate/aggregate';
import type { StoredEvent } from '../schema/stored-event';

const count = z.int().min(0);
const instant = z.iso.datetime({ offset: true });

/**
 * The summary a JSON export opens with: totals over the exported events, the earliest and latest event time
 * (`from`, `to`; null when there are none) and when the export was made (`generated_at`, passed in).
 */
export const exportStatisticsSchema = z.strictObject({
  generated_at: instant,
  from: instant.nullable(),
  to: instant.nullable(),
  requests: count,
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: count,
  cache_creation_1h_input_tokens: count,
  cache_read_input_tokens: count,
  reasoning_tokens: count,
  total_tokens: count,
  cost_usd: z.number().min(0),
  unpriced_requests: count,
});
export type ExportStatistics = z.infer<typeof exportStatisticsSchema>;

/** The time range and creation time of an export: `from`/`to` are the earliest and latest event times, or null. */
export interface ExportRange {
  generated_at: string;
  from: string | null;
  to: string | null;
}

/** Export statistics from an aggregate, e.g. one the daemon merged from its hourly rollups before streaming events. */
export function exportStatisticsFromAggregate(aggregate: Aggregate, range: ExportRange): ExportStatistics {
  return {
    ...range,
    requests: aggregate.requests,
    input_tokens: aggregate.input_tokens,
    output_tokens: aggregate.output_tokens,
    cache_creation_input_tokens: aggregate.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: aggregate.cache_creation_1h_input_tokens,
    cache_read_input_tokens: aggregate.cache_read_input_tokens,
    reasoning_tokens: aggregate.reasoning_tokens,
    total_tokens: aggregate.total_tokens,
    cost_usd: nanosToUsd(aggregate.cost_nanos),
    unpriced_requests: aggregate.unpriced_requests,
  };
}

/** Totals the events of an export in one pass; `generatedAt` is the export's RFC 3339 time, from the caller's clock. */
export function exportStatistics(events: Iterable<StoredEvent>, generatedAt: string): ExportStatistics {
  let aggregate = emptyAggregate();
  const range: ExportRange = { generated_at: generatedAt, from: null, to: null };
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const event of events) {
    aggregate = addEvent(aggregate, event);
    // Times may carry different offsets, so compare instants, not strings.
    const ms = Date.parse(event.ts);
    if (ms < fromMs) [fromMs, range.from] = [ms, event.ts];
    if (ms > toMs) [toMs, range.to] = [ms, event.ts];
  }
  return exportStatisticsFromAggregate(aggregate, range);
}
