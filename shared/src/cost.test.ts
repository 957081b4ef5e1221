import { describe, expect, it } from 'vitest';
import { computeCost } from './cost';
import { resolvePrice } from './pricing/price-resolver';
import type { ModelPrice } from './pricing/model-price';
import type { TokenUsage } from './schema/token-usage';

const AT = Date.UTC(2025, 6, 1, 12);

function usage(fields: Partial<TokenUsage>): TokenUsage {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: 0,
    reasoning_tokens: 0,
    ...fields,
  };
}

function sourcePrice(model: string): ModelPrice | undefined {
  return resolvePrice(model, { at: AT });
}

describe('computeCost', () => {
  it('bills gpt-4o input at $2.50, output at $10 and cached reads at $1.25 per million', () => {
    const cost = computeCost(
      usage({ input_tokens: 1234, output_tokens: 567, cache_read_input_tokens: 8901 }),
      sourcePrice('gpt-4o'),
    );
    // 1234 × 2.5 + 567 × 10 + 8901 × 1.25 = 19881.25 micro-dollars
    expect(cost.cost_source).toBe('computed');
    expect(cost.cost_usd).toBeCloseTo(0.01988125, 10);
  });

  it('bills claude-sonnet-4 cache writes at $3.75, their 1-hour part at $6 and reads at $0.30', () => {
    const cost = computeCost(
      usage({
        input_tokens: 1000,
        output_tokens: 2000,
        cache_creation_input_tokens: 10_000,
        cache_creation_1h_input_tokens: 4000,
        cache_read_input_tokens: 50_000,
      }),
      sourcePrice('claude-sonnet-4-20250514'),
    );
    // 1000 × 3 + 2000 × 15 + 6000 × 3.75 + 4000 × 6 + 50000 × 0.3 = 94500 micro-dollars
    expect(cost).toEqual({ cost_usd: 0.0945, cost_source: 'computed' });
  });

  it('bills gpt-4o-mini at $0.15 input and $0.60 output per million', () => {
    const cost = computeCost(
      usage({ input_tokens: 10_000, output_tokens: 2000 }),
      sourcePrice('gpt-4o-mini'),
    );
    expect(cost).toEqual({ cost_usd: 0.0027, cost_source: 'computed' });
  });

  it('bills gemini-2.5-pro at its base rates up to 200k input tokens in total', () => {
    const cost = computeCost(
      usage({ input_tokens: 100_000, output_tokens: 1000, cache_read_input_tokens: 100_000 }),
      sourcePrice('gemini-2.5-pro'),
    );
    // 100000 × 1.25 + 1000 × 10 + 100000 × 0.125 = 147500 micro-dollars
    expect(cost).toEqual({ cost_usd: 0.1475, cost_source: 'computed' });
  });

  it('bills gemini-2.5-pro at its long-context rates once cache reads push input past 200k', () => {
    const cost = computeCost(
      usage({ input_tokens: 100_001, output_tokens: 1000, cache_read_input_tokens: 100_000 }),
      sourcePrice('gemini-2.5-pro'),
    );
    // 100001 × 2.5 + 1000 × 15 + 100000 × 0.25 = 290002.5 micro-dollars
    expect(cost.cost_usd).toBeCloseTo(0.2900025, 10);
  });

  it('counts reasoning tokens once, inside output', () => {
    const withReasoning = computeCost(
      usage({ output_tokens: 1000, reasoning_tokens: 800 }),
      sourcePrice('o3'),
    );
    // 1000 × 8 micro-dollars: the 800 reasoning tokens are part of the 1000
    expect(withReasoning).toEqual({ cost_usd: 0.008, cost_source: 'computed' });
  });

  it('leaves a model without a price unpriced, never $0', () => {
    const cost = computeCost(usage({ input_tokens: 1000 }), sourcePrice('acme-llm-9000'));
    expect(cost).toEqual({ cost_usd: null, cost_source: 'unpriced' });
  });

  it('uses a reported cost as is, over a computed one', () => {
    const cost = computeCost(usage({ input_tokens: 1_000_000 }), sourcePrice('gpt-4o'), 0.42);
    expect(cost).toEqual({ cost_usd: 0.42, cost_source: 'reported' });
  });

  it('uses a reported cost for a model it cannot price', () => {
    expect(computeCost(usage({ input_tokens: 5 }), undefined, 0)).toEqual({
      cost_usd: 0,
      cost_source: 'reported',
    });
  });

  it('is unpriced when tokens need a rate the price lacks (output of an embedding model)', () => {
    const cost = computeCost(
      usage({ input_tokens: 1000, output_tokens: 1 }),
      sourcePrice('text-embedding-3-small'),
    );
    expect(cost).toEqual({ cost_usd: null, cost_source: 'unpriced' });
  });

  it('prices an embedding request by its input alone', () => {
    const cost = computeCost(usage({ input_tokens: 1000 }), sourcePrice('text-embedding-3-small'));
    expect(cost).toEqual({ cost_usd: 0.00002, cost_source: 'computed' });
  });

  it('caps a 1-hour write count larger than all cache writes instead of billing it twice', () => {
    const cost = computeCost(
      usage({ cache_creation_input_tokens: 1000, cache_creation_1h_input_tokens: 5000 }),
      sourcePrice('claude-sonnet-4-20250514'),
    );
    expect(cost).toEqual({ cost_usd: 0.006, cost_source: 'computed' });
  });

  it('rounds to 1e-10 USD so float noise does not show', () => {
    const cost = computeCost(usage({ input_tokens: 1, output_tokens: 2 }), sourcePrice('gpt-4o-mini'));
    // 1 × 0.15 + 2 × 0.6 = 1.35 micro-dollars (1.3499999999999999 in unrounded floating point)
    expect(cost.cost_usd).toBe(0.00000135);
  });

  it('bills an empty request $0 when the model is priced', () => {
    expect(computeCost(usage({}), sourcePrice('gpt-4o'))).toEqual({ cost_usd: 0, cost_source: 'computed' });
  });
});
