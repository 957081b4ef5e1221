import type { SummaryMetrics } from '../api/summary';
import { type Aggregate, nanosToUsd } from './aggregate';

/**
 * The figures a summary shows for an aggregate. Averages of cost leave out unpriced requests and their tokens
 * (an unknown price is not a price of $0): `avg_cost_per_request` is cost over priced requests and
 * `cost_per_1k_tokens` is cost per thousand priced tokens, each 0 when nothing is priced. Cost figures are
 * rounded to the nano-dollar; `duration_ms` is the sum of the durations reported.
 */
export function finalizeMetrics(agg: Aggregate): SummaryMetrics {
  const pricedRequests = agg.requests - agg.unpriced_requests;
  const pricedTokens = agg.total_tokens - agg.unpriced_tokens;
  return {
    requests: agg.requests,
    input_tokens: agg.input_tokens,
    output_tokens: agg.output_tokens,
    cache_creation_input_tokens: agg.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: agg.cache_creation_1h_input_tokens,
    cache_read_input_tokens: agg.cache_read_input_tokens,
    reasoning_tokens: agg.reasoning_tokens,
    total_tokens: agg.total_tokens,
    cost_usd: nanosToUsd(agg.cost_nanos),
    unpriced_requests: agg.unpriced_requests,
    errors: agg.errors,
    avg_tokens_per_request: agg.requests > 0 ? agg.total_tokens / agg.requests : 0,
    avg_cost_per_request: pricedRequests > 0 ? nanosToUsd(Math.round(agg.cost_nanos / pricedRequests)) : 0,
    cost_per_1k_tokens: pricedTokens > 0 ? nanosToUsd(Math.round((agg.cost_nanos * 1000) / pricedTokens)) : 0,
    duration_ms: agg.duration_ms,
  };
}
