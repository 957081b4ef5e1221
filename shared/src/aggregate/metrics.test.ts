import { describe, expect, it } from 'vitest';
import { addEvent, emptyAggregate } from './aggregate';
import { fakeStoredEvent } from './fake-events';
import { finalizeMetrics } from './metrics';

describe('finalizeMetrics', () => {
  it('gives zeros, not NaN, for no events', () => {
    expect(finalizeMetrics(emptyAggregate())).toEqual({
      requests: 0,
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 0,
      cost_usd: 0,
      unpriced_requests: 0,
      errors: 0,
      avg_tokens_per_request: 0,
      avg_cost_per_request: 0,
      cost_per_1k_tokens: 0,
      duration_ms: 0,
    });
  });

  it('averages cost over priced requests and priced tokens only', () => {
    const events = [
      fakeStoredEvent({ input_tokens: 1000, output_tokens: 1000, cost_usd: 0.03, duration_ms: 400 }),
      fakeStoredEvent({ input_tokens: 500, output_tokens: 500, cost_usd: 0.01 }),
      fakeStoredEvent({ input_tokens: 9000, output_tokens: 0, cost_usd: null, duration_ms: 100 }),
    ];
    const metrics = finalizeMetrics(events.reduce(addEvent, emptyAggregate()));
    expect(metrics).toMatchObject({
      requests: 3,
      total_tokens: 12_000,
      cost_usd: 0.04,
      unpriced_requests: 1,
      avg_tokens_per_request: 4000,
      avg_cost_per_request: 0.02,
      cost_per_1k_tokens: 0.013333333,
      duration_ms: 500,
    });
  });

  it('gives no per-token cost when every request is unpriced', () => {
    const agg = addEvent(emptyAggregate(), fakeStoredEvent({ cost_usd: null }));
    expect([finalizeMetrics(agg).avg_cost_per_request, finalizeMetrics(agg).cost_per_1k_tokens]).toEqual([
      0, 0,
    ]);
  });
});
