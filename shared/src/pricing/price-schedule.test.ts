import type { ModelInfo } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { priceAt, scheduleFor } from './price-schedule';

const NIGHT_DISCOUNT: ModelInfo = {
  id: 'night-owl',
  match: { equals: 'night-owl' },
  prices: [
    { prices: { input_mtok: 1, output_mtok: 2 } },
    {
      constraint: { type: 'start_date', start_date: '2025-01-01' },
      prices: { input_mtok: 3, output_mtok: 6 },
    },
    {
      constraint: { type: 'time_of_date', start_time: '22:00:00+02:00', end_time: '04:00:00Z' },
      prices: { input_mtok: 0.5, output_mtok: 1 },
    },
  ],
};

function inputAt(atMs: number): number | null | undefined {
  return priceAt(scheduleFor(NIGHT_DISCOUNT, 'test'), atMs)?.input;
}

describe('priceAt', () => {
  it('uses the first price set before any condition holds', () => {
    expect(inputAt(Date.UTC(2024, 11, 31, 12))).toBe(1);
  });

  it('switches to a dated price set from its start date', () => {
    expect(inputAt(Date.UTC(2025, 0, 1, 12))).toBe(3);
  });

  it('applies a daily window that wraps past midnight UTC, honouring its offset', () => {
    expect(inputAt(Date.UTC(2025, 5, 1, 20))).toBe(0.5);
    expect(inputAt(Date.UTC(2025, 5, 1, 3, 59))).toBe(0.5);
    expect(inputAt(Date.UTC(2025, 5, 1, 4))).toBe(3);
    expect(inputAt(Date.UTC(2025, 5, 1, 19, 59))).toBe(3);
  });
});
