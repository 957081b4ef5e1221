import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

let t: TestDaemon;
beforeAll(async () => {
  t = await startTestDaemon();
});
afterAll(async () => {
  await t.close();
});

describe('POST /v1/tokens/count', () => {
  it('counts a text exactly with an OpenAI model', async () => {
    const answer = await t.json('/v1/tokens/count', { body: { text: 'hello world', model: 'gpt-4o' } });
    expect(answer).toEqual({ status: 200, body: { tokens: 2, encoding: 'o200k_base', exact: true } });
  });

  it('counts with a named encoding', async () => {
    const answer = await t.json('/v1/tokens/count', {
      body: { text: 'hello world', encoding: 'cl100k_base' },
    });
    expect(answer.body).toEqual({ tokens: 2, encoding: 'cl100k_base', exact: true });
  });

  it('approximates models without a public tokenizer', async () => {
    const answer = await t.json('/v1/tokens/count', {
      body: { text: 'hello world', model: 'claude-sonnet-4-20250514' },
    });
    expect(answer.body).toEqual({ tokens: 2, encoding: 'o200k_base', exact: false });
  });

  it('counts chat messages with their framing', async () => {
    const messages = [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'hello world' },
    ];
    const answer = await t.json('/v1/tokens/count', { body: { messages, model: 'gpt-4o' } });
    expect(answer.body).toEqual({ tokens: 17, encoding: 'o200k_base', exact: true });
  });

  it('refuses an unknown encoding and a body with neither text nor messages', async () => {
    const encoding = await t.json('/v1/tokens/count', { body: { text: 'x', encoding: 'p50k_base' } });
    const neither = await t.json('/v1/tokens/count', { body: { model: 'gpt-4o' } });
    expect(encoding).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'encoding' }] } } });
    expect(neither.status).toBe(400);
  });
});
