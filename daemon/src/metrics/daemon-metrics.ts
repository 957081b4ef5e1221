import { nanosToUsd } from '@tokentally/shared/aggregate/aggregate';
import { createHistogram } from './histogram';

/** What /metrics reads from the store. */
export interface MetricsSource {
  count(): number;
  subscriberCount(): number;
  totalsByModel(): { model: string; tokens: Record<string, number>; cost_nanos: number; requests: number }[];
}

/** Counters the daemon keeps in memory (the rest of /metrics is read from the store at scrape time). */
export interface DaemonMetrics {
  /** One ingest request answered: how long it took and what it stored. */
  observeIngest(seconds: number, accepted: number, duplicates: number): void;
  /** Prometheus text exposition format 0.0.4. */
  render(source: MetricsSource): string;
}

const LATENCY_BOUNDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

// Label values escape backslash, double quote and newline.
const label = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Creates the in-memory metrics of one daemon. */
export function createDaemonMetrics(): DaemonMetrics {
  const latency = createHistogram(LATENCY_BOUNDS);
  let requests = 0;
  let duplicates = 0;
  return {
    observeIngest(seconds, _accepted, duplicateCount) {
      latency.observe(seconds);
      requests += 1;
      duplicates += duplicateCount;
    },
    render(source) {
      const byModel = source.totalsByModel();
      const lines = [
        '# HELP tokentally_events_stored Events stored in the database.',
        '# TYPE tokentally_events_stored gauge',
        `tokentally_events_stored ${source.count()}`,
        '# HELP tokentally_ingest_requests_total Ingest requests answered since start (HTTP and WebSocket).',
        '# TYPE tokentally_ingest_requests_total counter',
        `tokentally_ingest_requests_total ${requests}`,
        '# HELP tokentally_ingest_duplicates_total Re-sent events that were not stored again, since start.',
        '# TYPE tokentally_ingest_duplicates_total counter',
        `tokentally_ingest_duplicates_total ${duplicates}`,
        '# HELP tokentally_ingest_latency_seconds Time from receiving an ingest request to its durable acknowledgement.',
        '# TYPE tokentally_ingest_latency_seconds histogram',
        ...latency.lines('tokentally_ingest_latency_seconds'),
        '# HELP tokentally_stream_subscribers Open /v1/stream WebSocket connections.',
        '# TYPE tokentally_stream_subscribers gauge',
        `tokentally_stream_subscribers ${source.subscriberCount()}`,
        '# HELP tokentally_requests Stored requests by model.',
        '# TYPE tokentally_requests gauge',
        ...byModel.map((m) => `tokentally_requests{model="${label(m.model)}"} ${m.requests}`),
        '# HELP tokentally_tokens Stored tokens by model and kind.',
        '# TYPE tokentally_tokens gauge',
        ...byModel.flatMap((m) =>
          Object.entries(m.tokens).map(
            ([kind, value]) =>
              `tokentally_tokens{model="${label(m.model)}",kind="${kind.replace(/_tokens$/, '')}"} ${value}`,
          ),
        ),
        '# HELP tokentally_cost_usd Cost of stored requests by model, in USD (unpriced requests count nothing).',
        '# TYPE tokentally_cost_usd gauge',
        ...byModel.map((m) => `tokentally_cost_usd{model="${label(m.model)}"} ${nanosToUsd(m.cost_nanos)}`),
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}
