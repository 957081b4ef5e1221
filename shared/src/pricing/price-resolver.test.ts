import { describe, expect, it } from 'vitest';
import { createPriceResolver, resolvePrice } from './price-resolver';
import { priceOverrideSchema } from './price-override';

const AT = Date.UTC(2025, 6, 1, 12);

function rates(model: string, provider?: string) {
  const price = resolvePrice(model, { provider, at: AT });
  return (
    price && {
      model: price.model,
      input: price.input,
      output: price.output,
      cache_write: price.cache_write,
      cache_write_1h: price.cache_write_1h,
      cache_read: price.cache_read,
    }
  );
}

const GPT_4O = {
  model: 'gpt-4o',
  input: 2.5,
  output: 10,
  cache_write: 2.5,
  cache_write_1h: 2.5,
  cache_read: 1.25,
};
const SONNET_4 = {
  model: 'claude-sonnet-4-0',
  input: 3,
  output: 15,
  cache_write: 3.75,
  cache_write_1h: 6,
  cache_read: 0.3,
};

describe('resolvePrice from genai-prices', () => {
  it('prices gpt-4o at $2.50 / $10 / $1.25 cached per million, with no write premium', () => {
    expect(rates('gpt-4o')).toEqual(GPT_4O);
  });

  it('resolves dated, prefixed and upper-case gpt-4o names to the same price', () => {
    expect(rates('gpt-4o-2024-08-06')).toEqual(GPT_4O);
    expect(rates('gpt-4o-2024-11-20')).toEqual(GPT_4O);
    expect(rates('openai/gpt-4o')).toEqual(GPT_4O);
    expect(rates('  GPT-4O ')).toEqual(GPT_4O);
  });

  it('keeps the first gpt-4o snapshot at its own $5 / $15 launch price', () => {
    expect(rates('gpt-4o-2024-05-13')).toMatchObject({ model: 'gpt-4o-2024-05-13', input: 5, output: 15 });
  });

  it('resolves claude-sonnet-4 names from Anthropic, Vertex and Bedrock to $3 / $15 / $3.75 / $6 / $0.30', () => {
    expect(rates('claude-sonnet-4-20250514')).toEqual(SONNET_4);
    expect(rates('anthropic/claude-sonnet-4-20250514')).toEqual(SONNET_4);
    expect(rates('claude-sonnet-4@20250514')).toEqual(SONNET_4);
    expect(rates('us.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic')).toEqual(SONNET_4);
    expect(rates('us.anthropic.claude-sonnet-4-20250514-v1:0')).toEqual({
      ...SONNET_4,
      model: 'regional.anthropic.claude-sonnet-4-20250514-v1:0',
    });
  });

  it('prices a Bedrock id at Bedrock rates, deriving the 1-hour write Bedrock data lacks as 2x input', () => {
    const price = resolvePrice('anthropic.claude-3-5-sonnet-20240620-v1:0', { at: AT });
    expect(price).toMatchObject({
      provider: 'aws',
      input: 3,
      cache_write: 3.75,
      cache_write_1h: 6,
      cache_read: 0.3,
    });
    expect(price?.derived).toEqual(['cache_write_1h']);
  });

  it('resolves gemini-2.5-pro behind vertex_ai/ and google/ prefixes, with its 200k-token tier', () => {
    const expected = {
      model: 'gemini-2.5-pro',
      input: 1.25,
      output: 10,
      cache_read: 0.125,
      tiers: [
        {
          above_input_tokens: 200_000,
          input: 2.5,
          output: 15,
          cache_write: 2.5,
          cache_write_1h: 2.5,
          cache_read: 0.25,
        },
      ],
    };
    expect(resolvePrice('vertex_ai/gemini-2.5-pro', { at: AT })).toMatchObject(expected);
    expect(resolvePrice('google/gemini-2.5-pro', { at: AT })).toMatchObject(expected);
  });

  it('uses the provider hint to pick a reseller price list', () => {
    expect(resolvePrice('openai/gpt-4o', { provider: 'openrouter', at: AT })).toMatchObject({
      provider: 'openrouter',
      model: 'openai/gpt-4o',
    });
  });

  it('names the source and the matched model', () => {
    expect(resolvePrice('claude-sonnet-4-20250514', { at: AT })).toMatchObject({
      source: 'genai-prices',
      model: 'claude-sonnet-4-0',
      model_name: 'Claude Sonnet 4',
      provider: 'anthropic',
    });
  });

  it('finds no price for an unknown model', () => {
    expect(resolvePrice('acme-llm-9000', { at: AT })).toBeUndefined();
  });

  it('applies prices by date: claude-opus-4-6 drops its long-context tier from 2026-03-13', () => {
    const before = resolvePrice('claude-opus-4-6', { at: Date.UTC(2026, 2, 12, 23, 59) });
    const after = resolvePrice('claude-opus-4-6', { at: Date.UTC(2026, 2, 13) });
    expect(before?.tiers.map((tier) => [tier.above_input_tokens, tier.input])).toEqual([[200_000, 10]]);
    expect(after?.tiers).toEqual([]);
  });

  it('applies prices by time of day: deepseek-chat is dearer from 00:30 to 16:30 UTC', () => {
    expect(rates('deepseek-chat', 'deepseek')?.input).toBe(0.27);
    expect(resolvePrice('deepseek-chat', { at: Date.UTC(2025, 6, 1, 0, 29) })?.input).toBe(0.135);
    expect(resolvePrice('deepseek-chat', { at: Date.UTC(2025, 6, 1, 16, 30) })?.input).toBe(0.135);
  });
});

describe('overrides', () => {
  const overrides = {
    'GPT-4o': priceOverrideSchema.parse({ input: 2, output: 8 }),
    'acme-llm': priceOverrideSchema.parse({
      unit: 'per_1k',
      input: 0.0025,
      output: 0.01,
      cache_read: 0.00025,
    }),
  };

  it('beats the source price, matched case-insensitively', () => {
    expect(resolvePrice('gpt-4o', { at: AT, overrides })).toMatchObject({
      source: 'override',
      model: 'GPT-4o',
      input: 2,
      output: 8,
    });
  });

  it('applies to prefixed and dated names of the model', () => {
    expect(resolvePrice('openai/gpt-4o-2024-08-06', { at: AT, overrides })?.input).toBe(2);
  });

  it('prices a model the source lacks, converted from per-1K to per-million rates', () => {
    expect(resolvePrice('acme-llm', { at: AT, overrides })).toMatchObject({
      input: 2.5,
      output: 10,
      cache_write: 2.5,
      cache_write_1h: 2.5,
      cache_read: 0.25,
      derived: ['cache_write', 'cache_write_1h'],
      tiers: [],
    });
  });

  it('derives Claude cache rates for an override by Anthropic rule', () => {
    const claude = { 'claude-sonnet-4': priceOverrideSchema.parse({ input: 4, output: 20 }) };
    expect(resolvePrice('claude-sonnet-4-20250514', { at: AT, overrides: claude })).toMatchObject({
      cache_write: 5,
      cache_write_1h: 8,
      cache_read: 0.4,
    });
  });
});

describe('createPriceResolver', () => {
  it('answers a repeated lookup with the same price object from its memo', () => {
    const resolver = createPriceResolver();
    const first = resolver.priceFor('gpt-4o', { at: AT });
    expect(resolver.priceFor('gpt-4o', { at: AT })).toBe(first);
  });

  it('prices a list of models in order, unknown ones as undefined', () => {
    const resolver = createPriceResolver();
    const prices = resolver.priceModels(['gpt-4o-mini', 'acme-llm-9000', 'claude-sonnet-4-20250514'], {
      at: AT,
    });
    expect(prices.map((price) => price?.input)).toEqual([0.15, undefined, 3]);
  });

  it('keeps answering correctly after its memo fills and starts over', () => {
    const resolver = createPriceResolver({ maxCachedModels: 2 });
    const models = ['gpt-4o', 'gpt-4o-mini', 'o3', 'gpt-4o', 'acme-llm-9000'];
    expect(resolver.priceModels(models, { at: AT }).map((price) => price?.input)).toEqual([
      2.5,
      0.15,
      2,
      2.5,
      undefined,
    ]);
  });

  it('prices a time-dependent model by each lookup time, though memoized', () => {
    const resolver = createPriceResolver();
    expect(resolver.priceFor('deepseek-chat', { at: Date.UTC(2025, 6, 1, 12) })?.input).toBe(0.27);
    expect(resolver.priceFor('deepseek-chat', { at: Date.UTC(2025, 6, 1, 20) })?.input).toBe(0.135);
  });
});
