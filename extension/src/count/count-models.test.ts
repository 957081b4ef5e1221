import { describe, expect, it } from 'vitest';
import { resolvePrice } from '@tokentally/shared/pricing/price-resolver';
import { COUNT_MODELS, DEFAULT_COUNT_MODEL } from './count-models';

describe('the models offered for counting', () => {
  it('start with gpt-4o', () => {
    expect(COUNT_MODELS[0]).toBe(DEFAULT_COUNT_MODEL);
  });

  it.each(COUNT_MODELS)('include %s, which has an input price', (model) => {
    expect(resolvePrice(model, { at: Date.parse('2025-09-01T00:00:00Z') })?.input).toBeGreaterThan(0);
  });
});
