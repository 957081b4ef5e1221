import { describe, expect, it } from 'vitest';
import { inputCost } from './input-cost';

const AT = Date.parse('2025-06-01T00:00:00Z');

describe('inputCost', () => {
  it('prices input tokens at the model’s input rate', async () => {
    expect(await inputCost('gpt-4o', 1_000_000, AT)).toEqual({ usd: 2.5, per_million: 2.5 });
  });

  it('leaves a model without a known price unpriced rather than free', async () => {
    expect(await inputCost('my-local-model', 1000, AT)).toEqual({ usd: null, per_million: null });
  });
});
