import { describe, expect, it } from 'vitest';
import { addEvent, emptyAggregate, mergeAggregates, nanosToUsd, usdToNanos } from './aggregate';
import { fakeStoredEvent } from './fake-events';

describe('addEvent', () => {
  it('counts tokens, cost, errors and duration', () => {
    const event = fakeStoredEvent({
      input_tokens: 10,
      output_tokens: 20,
      reasoning_tokens: 5,
      cache_creation_input_tokens: 30,
      cache_creation_1h_input_tokens: 12,
      cache_read_input_tokens: 40,
      cost_usd: 0.25,
      status: 'error',
      duration_ms: 1200,
    });
    expect(addEvent(emptyAggregate(), event)).toEqual({
      requests: 1,
      input_tokens: 10,
      output_tokens: 20,
      cache_creation_input_tokens: 30,
      cache_creation_1h_input_tokens: 12,
      cache_read_input_tokens: 40,
      reasoning_tokens: 5,
      total_tokens: 100,
      cost_nanos: 250_000_000,
      unpriced_requests: 0,
      unpriced_tokens: 0,
      errors: 1,
      duration_ms: 1200,
    });
  });

  it('counts an event without a price as unpriced, with its tokens, never as free', () => {
    const agg = addEvent(
      emptyAggregate(),
      fakeStoredEvent({ cost_usd: null, input_tokens: 70, output_tokens: 30 }),
    );
    expect([agg.cost_nanos, agg.unpriced_requests, agg.unpriced_tokens, agg.total_tokens]).toEqual([
      0, 1, 100, 100,
    ]);
  });

  it('leaves the aggregate it was given unchanged', () => {
    const empty = emptyAggregate();
    addEvent(empty, fakeStoredEvent());
    expect(empty).toEqual(emptyAggregate());
  });
});

describe('mergeAggregates', () => {
  const a = addEvent(emptyAggregate(), fakeStoredEvent({ cost_usd: 0.1 }));
  const b = addEvent(emptyAggregate(), fakeStoredEvent({ cost_usd: 0.2, status: 'error' }));
  const c = addEvent(emptyAggregate(), fakeStoredEvent({ cost_usd: null, duration_ms: 5 }));

  it('adds costs exactly where floats would not (0.1 + 0.2)', () => {
    expect(nanosToUsd(mergeAggregates(a, b).cost_nanos)).toBe(0.3);
  });

  it('is associative and commutative with the empty aggregate as identity', () => {
    expect(mergeAggregates(mergeAggregates(a, b), c)).toEqual(mergeAggregates(a, mergeAggregates(b, c)));
    expect(mergeAggregates(a, b)).toEqual(mergeAggregates(b, a));
    expect(mergeAggregates(emptyAggregate(), c)).toEqual(c);
  });

  it('merges hour rows by their aggregate fields alone', () => {
    const row = { ...a, hour_start_ms: 0, model: 'm' };
    expect(Object.keys(mergeAggregates(row, b))).toEqual(Object.keys(emptyAggregate()));
  });
});

describe('usdToNanos', () => {
  it('rounds to the nearest nano-dollar', () => {
    expect(usdToNanos(0.0000000014)).toBe(1);
    expect(usdToNanos(12.345678901)).toBe(12_345_678_901);
  });
});
