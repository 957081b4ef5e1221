import { describe, expect, it } from 'vitest';
import { spanProvider } from './gen-ai-provider';

const named = (key: string, provider: string) => [new Map([[key, provider]])];

describe('spanProvider', () => {
  it('maps the conventions’ provider names to tokentally’s', () => {
    expect(spanProvider(named('gen_ai.provider.name', 'azure.ai.openai'), 'gpt-4o')).toBe('openai');
    expect(spanProvider(named('gen_ai.provider.name', 'gcp.gemini'), 'gemini-2.5-pro')).toBe('google');
    expect(spanProvider(named('gen_ai.provider.name', 'x_ai'), 'grok-4')).toBe('xai');
    expect(spanProvider(named('gen_ai.system', 'mistral_ai'), 'mistral-large-latest')).toBe('mistral');
  });

  it('reads the deprecated gen_ai.system and OpenInference’s llm.provider', () => {
    expect(spanProvider(named('gen_ai.system', 'Anthropic'), 'claude-sonnet-4-5')).toBe('anthropic');
    expect(spanProvider(named('llm.provider', 'openai'), 'gpt-4o')).toBe('openai');
  });

  it('leaves a platform serving many makers to inference from the model', () => {
    expect(
      spanProvider(named('gen_ai.provider.name', 'aws.bedrock'), 'anthropic.claude-3-5-sonnet-20240620-v1:0'),
    ).toBe(undefined);
    expect(spanProvider(named('gen_ai.provider.name', 'gcp.vertex_ai'), 'claude-sonnet-4-5@20250929')).toBe(
      undefined,
    );
  });

  it('leaves "openai" reported for another maker’s model to inference', () => {
    expect(spanProvider(named('gen_ai.provider.name', 'openai'), 'deepseek-chat')).toBe(undefined);
  });

  it('keeps "openai" for a model name it cannot place, such as an Azure deployment', () => {
    expect(spanProvider(named('gen_ai.provider.name', 'openai'), 'my-deployment')).toBe('openai');
  });

  it('keeps a host that prices models itself', () => {
    expect(spanProvider(named('gen_ai.provider.name', 'groq'), 'llama-3.3-70b-versatile')).toBe('groq');
  });

  it('answers undefined when the span names no provider', () => {
    expect(spanProvider([new Map()], 'gpt-4o')).toBe(undefined);
  });
});
