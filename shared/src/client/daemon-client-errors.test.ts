import { describe, expect, it } from 'vitest';
import { createDaemonClient } from './daemon-client';
import { type FakeAnswer, fakeFetch } from './fake-fetch';

const clientAnswering = (answer: FakeAnswer) =>
  createDaemonClient({ baseUrl: 'http://127.0.0.1:4747', fetch: fakeFetch(() => answer).fetch });

describe('daemon client failures', () => {
  it('passes on the daemon error body with its status, code, message and issues', async () => {
    const error = {
      code: 'invalid_events',
      message: 'events[0].input_tokens: expected a non-negative integer',
      issues: [{ index: 0, path: 'input_tokens', message: 'expected a non-negative integer' }],
    };
    const client = clientAnswering({ status: 400, json: { error } });
    expect(await client.postEvents({ model: 'gpt-4o', input_tokens: -1 })).toEqual({
      ok: false,
      error: { status: 400, ...error },
    });
  });

  it('names an error status without the daemon error body an http_error', async () => {
    const client = clientAnswering({ status: 502, text: 'Bad Gateway' });
    expect(await client.health()).toEqual({
      ok: false,
      error: { status: 502, code: 'http_error', message: 'HTTP 502: Bad Gateway' },
    });
  });

  it('maps a network failure to unreachable with status 0', async () => {
    const client = clientAnswering({ throws: new TypeError('fetch failed') });
    expect(await client.summary()).toEqual({
      ok: false,
      error: {
        status: 0,
        code: 'unreachable',
        message: 'cannot reach the daemon at http://127.0.0.1:4747: fetch failed',
      },
    });
  });

  it('rejects an answer of the wrong shape as invalid_response, naming the field', async () => {
    const client = clientAnswering({
      status: 200,
      json: { accepted: 1, duplicates: 'none', first_seq: 1, last_seq: 1 },
    });
    expect(await client.postEvents({ model: 'gpt-4o' })).toEqual({
      ok: false,
      error: {
        status: 200,
        code: 'invalid_response',
        message: 'the daemon answered in an unexpected shape (is it a different version?)',
        issues: [
          { index: null, path: 'duplicates', message: 'Invalid input: expected number, received string' },
        ],
      },
    });
  });

  it('names a field missing from an answer as required', async () => {
    const client = clientAnswering({ status: 200, json: { tokens: 3, encoding: 'o200k_base' } });
    expect(await client.countTokens({ text: 'hi', encoding: 'o200k_base' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_response', issues: [{ index: null, path: 'exact', message: 'required' }] },
    });
  });

  it('rejects an answer that is not JSON as invalid_response', async () => {
    const client = clientAnswering({ status: 200, text: '<html>' });
    expect(await client.budgetStatus()).toEqual({
      ok: false,
      error: { status: 200, code: 'invalid_response', message: 'the daemon answered with invalid JSON' },
    });
  });

  it('reports a delete of an unknown budget as the daemon error', async () => {
    const client = clientAnswering({
      status: 404,
      json: { error: { code: 'not_found', message: 'no budget "x"' } },
    });
    expect(await client.deleteBudget('x')).toEqual({
      ok: false,
      error: { status: 404, code: 'not_found', message: 'no budget "x"' },
    });
  });

  it('reports a failed export instead of handing back the error response', async () => {
    const client = clientAnswering({
      status: 400,
      json: { error: { code: 'invalid_query', message: 'bad format' } },
    });
    expect(await client.export({ format: 'csv' })).toEqual({
      ok: false,
      error: { status: 400, code: 'invalid_query', message: 'bad format' },
    });
  });

  it('treats a budget check answered with another error status as a failure', async () => {
    const client = clientAnswering({
      status: 403,
      json: { error: { code: 'forbidden', message: 'token required' } },
    });
    expect(await client.budgetCheck()).toEqual({
      ok: false,
      error: { status: 403, code: 'forbidden', message: 'token required' },
    });
  });

  it('throws when asked to stream without a WebSocket constructor', () => {
    const client = clientAnswering({ status: 200, json: {} });
    expect(() => client.stream({ onMessage: () => undefined })).toThrow(
      'stream() needs a WebSocket constructor',
    );
  });
});
