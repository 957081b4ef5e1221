import { describe, expect, it } from 'vitest';
import { dashDates, nameCandidates, overrideKeys } from './model-names';

describe('nameCandidates', () => {
  it('strips a routing prefix and remembers the provider it names', () => {
    expect(nameCandidates('OpenRouter/OpenAI/GPT-4o')).toEqual([
      { name: 'openrouter/openai/gpt-4o', provider: undefined },
      { name: 'openai/gpt-4o', provider: 'openrouter' },
      { name: 'gpt-4o', provider: 'openai' },
    ]);
  });

  it('reads a Bedrock inference-profile id as aws, then as the bare vendor model', () => {
    expect(nameCandidates('us.anthropic.claude-sonnet-4-20250514-v1:0')).toEqual([
      { name: 'us.anthropic.claude-sonnet-4-20250514-v1:0', provider: undefined },
      { name: 'us.anthropic.claude-sonnet-4-20250514-v1:0', provider: 'aws' },
      { name: 'claude-sonnet-4-20250514', provider: 'anthropic' },
      { name: 'claude-sonnet-4-20250514-v1', provider: 'anthropic' },
      { name: 'claude-sonnet-4-20250514-v1:0', provider: 'anthropic' },
    ]);
  });

  it("turns Vertex's @date into a dated name", () => {
    expect(nameCandidates('claude-sonnet-4@20250514')).toEqual([
      { name: 'claude-sonnet-4@20250514', provider: undefined },
      { name: 'claude-sonnet-4-20250514', provider: undefined },
    ]);
  });

  it('leaves a dotted version number alone', () => {
    expect(nameCandidates('gpt-4.1')).toEqual([{ name: 'gpt-4.1', provider: undefined }]);
  });
});

describe('overrideKeys', () => {
  it('offers the name as given, unprefixed and undated', () => {
    expect(overrideKeys('anthropic/claude-sonnet-4-20250514')).toEqual([
      'anthropic/claude-sonnet-4-20250514',
      'claude-sonnet-4-20250514',
      'anthropic/claude-sonnet-4',
      'claude-sonnet-4',
    ]);
  });
});

describe('dashDates', () => {
  it('dashes a compact date and leaves an impossible month alone', () => {
    expect(dashDates('gpt-4o-20240806')).toBe('gpt-4o-2024-08-06');
    expect(dashDates('model-20241306')).toBe('model-20241306');
  });
});
