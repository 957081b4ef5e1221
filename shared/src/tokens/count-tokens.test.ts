import { describe, expect, it } from 'vitest';
import { countTokens, countTokensRequest } from './count-tokens';

describe('countTokens', () => {
  it('counts text exactly for an OpenAI model', async () => {
    expect(await countTokens({ text: 'hello world' }, { model: 'openai/gpt-4o' })).toEqual({
      ok: true,
      value: { tokens: 2, encoding: 'o200k_base', exact: true },
    });
  });

  it('counts with a named encoding', async () => {
    expect(await countTokens({ text: 'こんにちは、世界！' }, { encoding: 'cl100k_base' })).toEqual({
      ok: true,
      value: { tokens: 6, encoding: 'cl100k_base', exact: true },
    });
  });

  it('flags a Claude or Gemini count as an estimate', async () => {
    const claude = await countTokens({ text: 'hello world' }, { model: 'claude-sonnet-4-5' });
    const gemini = await countTokens({ text: 'hello world' }, { model: 'gemini-2.5-flash' });
    expect([claude, gemini]).toEqual([
      { ok: true, value: { tokens: 2, encoding: 'o200k_base', exact: false } },
      { ok: true, value: { tokens: 2, encoding: 'o200k_base', exact: false } },
    ]);
  });

  it('stays an estimate when an encoding is named for a model that has another tokenizer', async () => {
    const result = await countTokens(
      { text: 'hello world' },
      { model: 'claude-opus-4-1', encoding: 'o200k_base' },
    );
    expect(result).toEqual({ ok: true, value: { tokens: 2, encoding: 'o200k_base', exact: false } });
  });

  it('is not exact when the named encoding is not the model’s own', async () => {
    const result = await countTokens({ text: 'hello world' }, { model: 'gpt-4o', encoding: 'cl100k_base' });
    expect(result).toEqual({ ok: true, value: { tokens: 2, encoding: 'cl100k_base', exact: false } });
  });

  it('uses o200k_base when neither a model nor an encoding is given', async () => {
    expect(await countTokens({ text: 'hello world' })).toEqual({
      ok: true,
      value: { tokens: 2, encoding: 'o200k_base', exact: true },
    });
  });

  it('counts chat messages with their overhead', async () => {
    // 3 + user 1 + "hello world" 2, then 3 for the reply.
    const result = await countTokens(
      { messages: [{ role: 'user', content: 'hello world' }] },
      { model: 'gpt-4' },
    );
    expect(result).toEqual({ ok: true, value: { tokens: 9, encoding: 'cl100k_base', exact: true } });
  });

  it('answers an unknown encoding with an issue instead of throwing', async () => {
    expect(await countTokens({ text: 'hi' }, { encoding: 'p50k_base' })).toEqual({
      ok: false,
      issues: [
        {
          index: null,
          path: 'encoding',
          message: 'unknown encoding "p50k_base"; expected o200k_base or cl100k_base',
        },
      ],
    });
  });
});

describe('countTokensRequest', () => {
  it('counts a valid body', async () => {
    expect(await countTokensRequest({ text: 'hello world', model: 'gpt-4.1-mini' })).toEqual({
      ok: true,
      value: { tokens: 2, encoding: 'o200k_base', exact: true },
    });
  });

  it('counts a messages body', async () => {
    const body = {
      messages: [{ role: 'user', content: 'hello world', name: 'bob' }],
      encoding: 'o200k_base',
    };
    // 3 + user 1 + 2 + (1 + bob 1) + 3.
    expect(await countTokensRequest(body)).toEqual({
      ok: true,
      value: { tokens: 11, encoding: 'o200k_base', exact: true },
    });
  });

  it('refuses a body with neither text nor messages', async () => {
    expect(await countTokensRequest({ model: 'gpt-4o' })).toEqual({
      ok: false,
      issues: [{ index: null, path: '', message: 'expected either "text" or "messages"' }],
    });
  });

  it('names an unknown field and a field of the wrong type', async () => {
    expect(await countTokensRequest({ text: 42, modle: 'gpt-4o' })).toEqual({
      ok: false,
      issues: [
        { index: null, path: 'text', message: 'Invalid input: expected string, received number' },
        { index: null, path: 'modle', message: 'unknown field' },
      ],
    });
  });

  it('names the message whose content cannot be counted', async () => {
    const body = {
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'user', content: [{ type: 'image_url' }] },
      ],
    };
    expect(await countTokensRequest(body)).toEqual({
      ok: false,
      issues: [
        {
          index: null,
          path: 'messages[1].content',
          message: 'expected a string, an array of text parts, or null',
        },
      ],
    });
  });
});
