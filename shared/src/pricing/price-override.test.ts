import { describe, expect, it } from 'vitest';
import { parsePriceOverride, priceOverrideSchema } from './price-override';

describe('parsePriceOverride', () => {
  it('reads rates in USD per million tokens by default, cache rates left to derivation', () => {
    expect(parsePriceOverride({ input: 3, output: 15 })).toEqual({
      ok: true,
      value: { input: 3, output: 15, cache_write: null, cache_write_1h: null, cache_read: null },
    });
  });

  it('converts per-1K rates to per-million rates without float noise', () => {
    expect(
      parsePriceOverride({
        unit: 'per_1k',
        input: 0.00015,
        output: 0.0006,
        cache_write: 0.0025,
        cache_read: 0.000075,
      }),
    ).toEqual({
      ok: true,
      value: { input: 0.15, output: 0.6, cache_write: 2.5, cache_write_1h: null, cache_read: 0.075 },
    });
  });

  it('names a missing, a negative and an unknown field', () => {
    expect(parsePriceOverride({ output: -1, input_per_1k: 0.002 })).toEqual({
      ok: false,
      issues: [
        { index: null, path: 'input', message: 'required' },
        { index: null, path: 'output', message: 'expected a price in USD (a number >= 0)' },
        { index: null, path: 'input_per_1k', message: 'unknown field' },
      ],
    });
  });

  it('names a unit it does not know', () => {
    expect(parsePriceOverride({ unit: 'per_token', input: 1, output: 1 })).toEqual({
      ok: false,
      issues: [{ index: null, path: 'unit', message: 'expected "per_million" or "per_1k"' }],
    });
  });

  it('parses its own output back to the same override, so stored overrides re-parse', () => {
    const stored = priceOverrideSchema.parse({
      unit: 'per_1k',
      input: 0.001,
      output: 0.002,
      cache_write_1h: 0.004,
    });
    expect(priceOverrideSchema.parse(stored)).toEqual(stored);
  });
});
