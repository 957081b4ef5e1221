import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@tokentally/shared/api/ingest';
import { fakeWireEvents } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

interface Case {
  name: string;
  /** Sent as is (a string) or as JSON. */
  body: unknown;
  status: number;
  code: string;
  /** The issue that must be reported, as `index:path` (index `null` for the body as a whole). */
  issue: string;
  contentType?: string;
}

const valid = { model: 'gpt-4o', input_tokens: 10 };
const withField = (field: string, value: unknown): Record<string, unknown> => ({ ...valid, [field]: value });
const json = (name: string, body: string): Case => ({
  name,
  body,
  status: 400,
  code: 'invalid_json',
  issue: 'null:',
});
const field = (name: string, key: string, value: unknown, path = key): Case => ({
  name,
  body: withField(key, value),
  status: 400,
  code: 'invalid_events',
  issue: `0:${path}`,
});
const body = (name: string, sent: unknown, issue: string): Case => ({
  name,
  body: sent,
  status: 400,
  code: 'invalid_events',
  issue,
});
const DAY = 86_400_000;
const tags33 = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));

const CASES: Case[] = [
  json('truncated JSON', '{'),
  json('a trailing comma', '{"model": "gpt-4o",}'),
  json('an empty body', ''),
  json('a bare word', 'nul'),
  json('single quotes', "{'model': 'gpt-4o'}"),
  json('an unterminated array', '[{"model": "gpt-4o"}'),
  body('a JSON string', '"just a string"', 'null:'),
  body('a JSON number', '42', 'null:'),
  body('JSON null', 'null', 'null:'),
  body('JSON true', 'true', 'null:'),
  body('events that are not an array', { events: 'nope' }, 'null:events'),
  body('an envelope with another key', { events: [], extra: 1 }, 'null:extra'),
  body('a number in the list', [42], '0:'),
  body('null in the list', [null], '0:'),
  body('a list in the list', [[]], '0:'),
  body('an event without a model', { input_tokens: 1 }, '0:model'),
  field('a numeric model', 'model', 5),
  field('an empty model', 'model', ''),
  field('a 201-character model', 'model', 'm'.repeat(201)),
  field('an id with a space', 'id', 'a b'),
  field('a 129-character id', 'id', 'i'.repeat(129)),
  field('a numeric id', 'id', 5),
  field('an empty id', 'id', ''),
  field('an id with a slash', 'id', 'a/b'),
  field('an impossible date', 'ts', '2026-13-01T00:00:00Z'),
  field('a date in words', 'ts', 'yesterday'),
  field('a time before 2000', 'ts', '1999-12-31T23:59:59Z'),
  field('a time two days ahead', 'ts', Date.now() + 2 * DAY),
  field('negative epoch ms', 'ts', -1),
  field('fractional epoch ms', 'ts', 1.5),
  field('a time without a zone', 'ts', '2026-01-01T00:00:00'),
  field('a date without a time', 'ts', '2026-01-01'),
  field('negative input tokens', 'input_tokens', -1),
  field('fractional input tokens', 'input_tokens', 1.5),
  field('input tokens over 1e9', 'input_tokens', 1e10),
  field('input tokens as a string', 'input_tokens', '100'),
  field('output tokens as a boolean', 'output_tokens', true),
  field('negative cache writes', 'cache_creation_input_tokens', -5),
  field('cache reads one over 1e9', 'cache_read_input_tokens', 1_000_000_001),
  body('reasoning above output', { ...valid, output_tokens: 1, reasoning_tokens: 2 }, '0:reasoning_tokens'),
  body(
    '1-hour cache writes above all writes',
    { ...valid, cache_creation_input_tokens: 1, cache_creation_1h_input_tokens: 2 },
    '0:cache_creation_1h_input_tokens',
  ),
  body('a number too large for a double', '{"model": "gpt-4o", "input_tokens": 1e400}', '0:input_tokens'),
  field('a negative cost', 'cost_usd', -0.01),
  field('a cost as a string', 'cost_usd', '1'),
  field('a cost over a million', 'cost_usd', 1e7),
  field('a 257-character agent', 'agent', 'a'.repeat(257)),
  field('a numeric project', 'project', 7),
  field('an empty session id', 'session_id', ''),
  field('a tool that is an object', 'tool', {}),
  field('a 65-character source', 'source', 's'.repeat(65)),
  field('a request id that is an array', 'request_id', ['x']),
  field('an empty provider', 'provider', ''),
  field('negative duration', 'duration_ms', -1),
  field('fractional duration', 'duration_ms', 1.5),
  field('an unknown status', 'status', 'failed'),
  body('an error message with status ok', { ...valid, status: 'ok', error: 'boom' }, '0:error'),
  field('a 2001-character error', 'error', 'e'.repeat(2001)),
  field('tags as an array', 'tags', ['a']),
  field('a numeric tag value', 'tags', { team: 1 }, 'tags.team'),
  field('33 tags', 'tags', tags33),
  field('a 257-character tag value', 'tags', { team: 'v'.repeat(257) }, 'tags.team'),
  field('an unknown field', 'colour', 'red'),
  body('a __proto__ key', '{"model": "gpt-4o", "__proto__": {"polluted": true}}', '0:__proto__'),
  field('a constructor key', 'constructor', { prototype: {} }),
  body(
    'usage and token fields together',
    { ...valid, provider: 'openai', usage: { prompt_tokens: 1 } },
    '0:input_tokens',
  ),
  body(
    'usage of a provider without a normalizer',
    { model: 'x', provider: 'acme', usage: { tokens: 1 } },
    '0:usage',
  ),
  body('usage that is not an object', { model: 'gpt-4o', provider: 'openai', usage: 5 }, '0:usage'),
  body(
    'negative OpenAI prompt tokens',
    { model: 'gpt-4o', provider: 'openai', usage: { prompt_tokens: -1 } },
    '0:usage.prompt_tokens',
  ),
  body('10,001 events', fakeWireEvents(10_001), 'null:events'),
  body('a bad second event', [valid, { ...valid, input_tokens: -1 }], '1:input_tokens'),
  body('an event with an events key', { ...valid, events: [] }, '0:events'),
  {
    name: 'text/plain',
    body: valid,
    contentType: 'text/plain',
    status: 415,
    code: 'unsupported_media_type',
    issue: 'null:content-type',
  },
  {
    name: 'a form post',
    body: 'model=gpt-4o',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported_media_type',
    issue: 'null:content-type',
  },
  {
    name: 'no content type',
    body: valid,
    contentType: '',
    status: 415,
    code: 'unsupported_media_type',
    issue: 'null:content-type',
  },
  {
    name: 'an 11 MB body',
    body: `[${'0,'.repeat(5_500_000)}0]`,
    status: 413,
    code: 'payload_too_large',
    issue: 'null:body',
  },
];

let t: TestDaemon;
const SEEDED = 3;
beforeAll(async () => {
  t = await startTestDaemon();
  await t.json('/v1/events', { body: fakeWireEvents(SEEDED) });
});
afterAll(async () => {
  await t.close();
});

describe('malformed POST /v1/events bodies', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('refuses $name with a 4xx naming the field and stores nothing', async (sent) => {
    const text = typeof sent.body === 'string' ? sent.body : JSON.stringify(sent.body);
    const headers = { 'content-type': sent.contentType ?? 'application/json' };
    const response = await t.request('/v1/events', { method: 'POST', body: text, headers });
    const error = apiErrorSchema.parse(await response.json()).error;
    const named = (error.issues ?? []).map((issue) => `${issue.index}:${issue.path}`);
    const health = await t.json('/healthz');
    expect({ status: response.status, code: error.code }).toEqual({ status: sent.status, code: sent.code });
    expect(named).toContain(sent.issue);
    expect(health).toMatchObject({ status: 200, body: { events: SEEDED, last_seq: SEEDED } });
  });
});
