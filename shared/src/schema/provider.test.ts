import { describe, expect, it } from 'vitest';
import { bareModelName, inferProvider, KNOWN_PROVIDERS, normalizeProviderName } from './provider';

describe('inferProvider', () => {
  it.each([
    ['gpt-4o', 'openai'],
    ['gpt-4o-mini-2024-07-18', 'openai'],
    ['gpt-4.1', 'openai'],
    ['gpt-5', 'openai'],
    ['gpt-oss-120b', 'openai'],
    ['chatgpt-4o-latest', 'openai'],
    ['o1', 'openai'],
    ['o1-preview', 'openai'],
    ['o3', 'openai'],
    ['o3-mini', 'openai'],
    ['o3-pro-2025-06-10', 'openai'],
    ['o4-mini', 'openai'],
    ['codex-mini-latest', 'openai'],
    ['text-embedding-3-small', 'openai'],
    ['text-embedding-ada-002', 'openai'],
    ['text-davinci-003', 'openai'],
    ['whisper-1', 'openai'],
    ['tts-1-hd', 'openai'],
    ['dall-e-3', 'openai'],
    ['ft:gpt-4o-mini-2024-07-18:acme::9abcDEF', 'openai'],
    ['openai/gpt-4o', 'openai'],
    ['azure/gpt-4o', 'openai'],
    ['claude-sonnet-4-20250514', 'anthropic'],
    ['claude-3-5-haiku-latest', 'anthropic'],
    ['Claude-Opus-4-1', 'anthropic'],
    ['anthropic/claude-sonnet-4', 'anthropic'],
    ['claude-sonnet-4@20250514', 'anthropic'],
    ['vertex_ai/claude-sonnet-4@20250514', 'anthropic'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'anthropic'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic'],
    ['eu.anthropic.claude-3-7-sonnet-20250219-v1:0', 'anthropic'],
    ['apac.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic'],
    ['bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic'],
    ['openrouter/anthropic/claude-3.5-sonnet', 'anthropic'],
    ['gemini-2.5-pro', 'google'],
    ['gemini-2.0-flash-001', 'google'],
    ['models/gemini-2.5-flash', 'google'],
    ['vertex_ai/gemini-2.5-pro', 'google'],
    ['gemini/gemini-1.5-pro', 'google'],
    ['google/gemma-3-27b-it', 'google'],
    ['text-embedding-004', 'google'],
    ['mistral-large-latest', 'mistral'],
    ['mistral-small-2503', 'mistral'],
    ['codestral-latest', 'mistral'],
    ['open-mixtral-8x22b', 'mistral'],
    ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistral'],
    ['mistral.mistral-large-2402-v1:0', 'mistral'],
    ['deepseek-chat', 'deepseek'],
    ['deepseek-reasoner', 'deepseek'],
    ['deepseek-ai/DeepSeek-V3', 'deepseek'],
    ['us.deepseek.r1-v1:0', 'deepseek'],
    ['grok-4', 'xai'],
    ['grok-3-mini', 'xai'],
    ['x-ai/grok-4', 'xai'],
    ['xai/grok-code-fast-1', 'xai'],
    ['llama-3.3-70b-versatile', 'meta'],
    ['meta-llama/Llama-3.3-70B-Instruct', 'meta'],
    ['meta.llama3-1-70b-instruct-v1:0', 'meta'],
    ['groq/llama-3.1-8b-instant', 'meta'],
    ['command-r-plus', 'cohere'],
    ['cohere.command-r-v1:0', 'cohere'],
    ['qwen-max', 'alibaba'],
    ['Qwen/Qwen2.5-72B-Instruct', 'alibaba'],
    ['amazon.nova-pro-v1:0', 'amazon'],
    ['us.amazon.nova-lite-v1:0', 'amazon'],
    ['openai/some-future-model', 'openai'],
    ['vertex_ai/some-future-model', 'google'],
    ['my-local-model', 'unknown'],
    ['llava:13b', 'unknown'],
    ['', 'unknown'],
    ['constructor', 'unknown'],
    ['constructor/toString', 'unknown'],
    ['hasOwnProperty/x', 'unknown'],
  ])('%s → %s', (model, provider) => {
    expect(inferProvider(model)).toBe(provider);
  });

  it('only ever answers a known provider', () => {
    const answers = new Set(['gpt-4o', 'claude-3-opus', 'x', 'toString'].map(inferProvider));
    expect([...answers].every((answer) => KNOWN_PROVIDERS.some((known) => known === answer))).toBe(true);
  });
});

describe('bareModelName', () => {
  it.each([
    ['openai/gpt-4o', 'gpt-4o'],
    ['openrouter/anthropic/claude-3.5-sonnet', 'claude-3.5-sonnet'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'claude-sonnet-4-20250514-v1:0'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'claude-3-haiku-20240307-v1:0'],
    ['claude-sonnet-4@20250514', 'claude-sonnet-4'],
    ['  GPT-4o  ', 'gpt-4o'],
    ['gpt-4.1-mini', 'gpt-4.1-mini'],
  ])('%s → %s', (model, bare) => {
    expect(bareModelName(model)).toBe(bare);
  });
});

describe('normalizeProviderName', () => {
  it.each([
    ['openai', 'openai'],
    ['OpenAI', 'openai'],
    ['azure', 'openai'],
    ['Gemini', 'google'],
    ['vertex', 'google'],
    ['vertex_ai', 'google'],
    ['mistralai', 'mistral'],
    ['x-ai', 'xai'],
    [' Anthropic ', 'anthropic'],
    ['OpenRouter', 'openrouter'],
    ['constructor', 'constructor'],
    ['__proto__', '__proto__'],
    ['   ', 'unknown'],
  ])('%j → %s', (given, provider) => {
    expect(normalizeProviderName(given)).toBe(provider);
  });
});
