import { describe, expect, it } from 'vitest';
import { fakeStoredEvent } from './fake-stored-event';
import { emptyAggregate } from '../aggregate/aggregate';
import { exportStatistics, exportStatisticsFromAggregate } from './statistics';

describe('exportStatistics', () => {
  it('gives zero totals and no range for no events', () => {
    expect(exportStatistics([], '2025-03-02T00:00:00.000Z')).toEqual({
      generated_at: '2025-03-02T00:00:00.000Z',
      from: null,
      to: null,
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
    });
  });

  it('sums tokens and cost, counts unpriced requests and spans the earliest to the latest event', () => {
    const events = [
      fakeStoredEvent({ ts: '2025-03-01T12:00:00.000Z', cost_usd: 0.1 }),
      fakeStoredEvent({
        ts: '2025-03-01T09:00:00.000Z',
        input_tokens: 10,
        output_tokens: 20,
        reasoning_tokens: 5,
        cache_creation_input_tokens: 30,
        cache_creation_1h_input_tokens: 10,
        cache_read_input_tokens: 40,
        total_tokens: 100,
        cost_usd: 0.2,
      }),
      fakeStoredEvent({ ts: '2025-03-01T13:30:00.000+02:00', cost_usd: null, cost_source: 'unpriced' }),
    ];
    expect(exportStatistics(events, '2025-03-02T00:00:00.000Z')).toEqual({
      generated_at: '2025-03-02T00:00:00.000Z',
      from: '2025-03-01T09:00:00.000Z',
      to: '2025-03-01T12:00:00.000Z',
      requests: 3,
      input_tokens: 2410,
      output_tokens: 620,
      cache_creation_input_tokens: 30,
      cache_creation_1h_input_tokens: 10,
      cache_read_input_tokens: 40,
      reasoning_tokens: 5,
      total_tokens: 3100,
      cost_usd: 0.3,
      unpriced_requests: 1,
    });
  });

  it('builds the same statistics from an aggregate, such as one merged from rollups', () => {
    const aggregate = {
      ...emptyAggregate(),
      requests: 2,
      input_tokens: 7,
      total_tokens: 7,
      cost_nanos: 1_500_000,
    };
    const range = { generated_at: '2025-03-02T00:00:00.000Z', from: '2025-03-01T00:00:00.000Z', to: null };
    expect(exportStatisticsFromAggregate(aggregate, range)).toEqual({
      generated_at: '2025-03-02T00:00:00.000Z',
      from: '2025-03-01T00:00:00.000Z',
      to: null,
      requests: 2,
      input_tokens: 7,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 7,
      cost_usd: 0.0015,
      unpriced_requests: 0,
    });
  });
});
