import { z } from 'zod';
import type { StoredEvent } from '../schema/stored-event';
import { totalTokens, type TokenUsage } from '../schema/token-usage';

const count = z.int().min(0);

/**
 * A mergeable partial sum of events. Cost is kept in integer nano-dollars (`cost_nanos`) so that sums are exact
 * and merging is associative and commutative (exact up to about $9 million per aggregate; beyond that floats
 * round). `unpriced_tokens` lets per-token cost leave out requests whose price is unknown.
 */
export const aggregateSchema = z.strictObject({
  requests: count,
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: count,
  cache_creation_1h_input_tokens: count,
  cache_read_input_tokens: count,
  reasoning_tokens: count,
  total_tokens: count,
  cost_nanos: count,
  unpriced_requests: count,
  unpriced_tokens: count,
  errors: count,
  duration_ms: count,
});
export type Aggregate = z.infer<typeof aggregateSchema>;

/** The fields of an event that an aggregate counts (a stored event has them all). */
export type AggregatableEvent = TokenUsage & Pick<StoredEvent, 'cost_usd' | 'status' | 'duration_ms'>;

const NANOS_PER_USD = 1e9;

/** Converts dollars to whole nano-dollars, the unit aggregates sum in. */
export function usdToNanos(usd: number): number {
  return Math.round(usd * NANOS_PER_USD);
}

/** Converts nano-dollars back to dollars. */
export function nanosToUsd(nanos: number): number {
  return nanos / NANOS_PER_USD;
}

/** The aggregate of no events: the identity of `mergeAggregates`. */
export function emptyAggregate(): Aggregate {
  return {
    requests: 0,
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: 0,
    reasoning_tokens: 0,
    total_tokens: 0,
    cost_nanos: 0,
    unpriced_requests: 0,
    unpriced_tokens: 0,
    errors: 0,
    duration_ms: 0,
  };
}

/** A new aggregate counting one more event; a null cost counts the event as unpriced. */
export function addEvent(agg: Aggregate, event: AggregatableEvent): Aggregate {
  const tokens = totalTokens(event);
  const unpriced = event.cost_usd === null;
  return {
    requests: agg.requests + 1,
    input_tokens: agg.input_tokens + event.input_tokens,
    output_tokens: agg.output_tokens + event.output_tokens,
    cache_creation_input_tokens: agg.cache_creation_input_tokens + event.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: agg.cache_creation_1h_input_tokens + event.cache_creation_1h_input_tokens,
    cache_read_input_tokens: agg.cache_read_input_tokens + event.cache_read_input_tokens,
    reasoning_tokens: agg.reasoning_tokens + event.reasoning_tokens,
    total_tokens: agg.total_tokens + tokens,
    cost_nanos: agg.cost_nanos + (event.cost_usd === null ? 0 : usdToNanos(event.cost_usd)),
    unpriced_requests: agg.unpriced_requests + (unpriced ? 1 : 0),
    unpriced_tokens: agg.unpriced_tokens + (unpriced ? tokens : 0),
    errors: agg.errors + (event.status === 'error' ? 1 : 0),
    duration_ms: agg.duration_ms + (event.duration_ms ?? 0),
  };
}

/** The aggregate of two disjoint sets of events; associative and commutative, with `emptyAggregate()` as identity. */
export function mergeAggregates(a: Aggregate, b: Aggregate): Aggregate {
  return {
    requests: a.requests + b.requests,
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: a.cache_creation_1h_input_tokens + b.cache_creation_1h_input_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    reasoning_tokens: a.reasoning_tokens + b.reasoning_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
    cost_nanos: a.cost_nanos + b.cost_nanos,
    unpriced_requests: a.unpriced_requests + b.unpriced_requests,
    unpriced_tokens: a.unpriced_tokens + b.unpriced_tokens,
    errors: a.errors + b.errors,
    duration_ms: a.duration_ms + b.duration_ms,
  };
}
