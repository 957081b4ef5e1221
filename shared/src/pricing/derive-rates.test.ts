import { describe, expect, it } from 'vitest';
import { cacheBillingFor, completeRates } from './derive-rates';

const BARE = { input: 3, output: 15, cache_write: null, cache_write_1h: null, cache_read: null };

describe('completeRates', () => {
  it('derives Claude cache rates as 1.25x, 2x and 0.1x input', () => {
    expect(completeRates(BARE, 'anthropic')).toEqual({
      rates: { input: 3, output: 15, cache_write: 3.75, cache_write_1h: 6, cache_read: 0.3 },
      derived: ['cache_write', 'cache_write_1h', 'cache_read'],
    });
  });

  it('bills cache traffic at the input rate for providers without a write premium', () => {
    expect(completeRates({ ...BARE, cache_read: 1.5 }, 'input-rate')).toEqual({
      rates: { input: 3, output: 15, cache_write: 3, cache_write_1h: 3, cache_read: 1.5 },
      derived: ['cache_write', 'cache_write_1h'],
    });
  });

  it('keeps published rates and derives nothing without an input rate', () => {
    const rates = { input: null, output: 1, cache_write: 2, cache_write_1h: null, cache_read: null };
    expect(completeRates(rates, 'anthropic')).toEqual({ rates, derived: [] });
  });
});

describe('cacheBillingFor', () => {
  it('bills Claude by Anthropic rule wherever it is served', () => {
    expect(cacheBillingFor('regional.anthropic.claude-3-haiku-20240307-v1:0', 'aws')).toBe('anthropic');
    expect(cacheBillingFor('gpt-4o', 'openai')).toBe('input-rate');
  });
});
