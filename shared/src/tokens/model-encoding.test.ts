import { describe, expect, it } from 'vitest';
import { bareModelName, encodingForModel } from './model-encoding';

describe('encodingForModel', () => {
  it.each([
    'gpt-4o',
    'gpt-4o-mini',
    'gpt-4o-2024-08-06',
    'chatgpt-4o-latest',
    'gpt-4.1',
    'gpt-4.1-nano-2025-04-14',
    'gpt-4.5-preview',
    'gpt-5',
    'gpt-5-mini-2025-08-07',
    'gpt-5-codex',
    'o1',
    'o1-preview',
    'o3-mini',
    'o4-mini-2025-04-16',
    'gpt-oss-120b',
  ])('counts %s exactly with o200k_base', (model) => {
    expect(encodingForModel(model)).toEqual({ encoding: 'o200k_base', exact: true });
  });

  it.each([
    'gpt-4',
    'gpt-4-0613',
    'gpt-4-32k',
    'gpt-4-turbo-2024-04-09',
    'gpt-4-1106-preview',
    'gpt-3.5-turbo',
    'gpt-3.5-turbo-0125',
    'gpt-35-turbo',
    'text-embedding-ada-002',
    'text-embedding-3-small',
    'text-embedding-3-large',
  ])('counts %s exactly with cl100k_base', (model) => {
    expect(encodingForModel(model)).toEqual({ encoding: 'cl100k_base', exact: true });
  });

  it.each([
    'openai/gpt-4o',
    'OpenAI/GPT-4o-Mini',
    'azure/openai/gpt-4.1',
    '  gpt-5  ',
    'ft:gpt-4o-mini-2024-07-18:my-org::abc123',
    'openai/gpt-4o:free',
    'openai.gpt-oss-20b-1:0',
  ])('sees through the prefixes, case and suffixes of %s', (model) => {
    expect(encodingForModel(model)).toEqual({ encoding: 'o200k_base', exact: true });
  });

  it.each([
    'claude-sonnet-4-5',
    'anthropic/claude-3-5-haiku-20241022',
    'gemini-2.5-pro',
    'mistral-large-latest',
    'deepseek-chat',
    'grok-4',
    'llama-3.1-70b',
    'o10-imaginary',
    'gpt-40',
  ])('estimates %s with o200k_base, flagged as not exact', (model) => {
    expect(encodingForModel(model)).toEqual({ encoding: 'o200k_base', exact: false });
  });
});

describe('bareModelName', () => {
  it('keeps only the model id, in lower case', () => {
    expect(
      [
        'openai/gpt-4o',
        'ft:gpt-3.5-turbo-0125:acme::x1',
        'openrouter/openai/o3:online',
        'openai.gpt-oss-120b-1:0',
      ].map(bareModelName),
    ).toEqual(['gpt-4o', 'gpt-3.5-turbo-0125', 'o3', 'gpt-oss-120b-1']);
  });
});
