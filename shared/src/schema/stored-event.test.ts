import { describe, expect, it } from 'vitest';
import { costSourceSchema, type StoredEvent, storedEventSchema } from './stored-event';

const stored: StoredEvent = {
  seq: 1042,
  id: '01JXKZ8V3T0000000000000000',
  ts: '2025-05-31T08:30:00.000Z',
  received_at: '2025-05-31T08:30:00.412Z',
  model: 'claude-sonnet-4-20250514',
  provider: 'anthropic',
  input_tokens: 2095,
  output_tokens: 503,
  cache_creation_input_tokens: 2051,
  cache_creation_1h_input_tokens: 2000,
  cache_read_input_tokens: 0,
  reasoning_tokens: 0,
  total_tokens: 4649,
  cost_usd: 0.0216765,
  cost_source: 'computed',
  agent: 'main/researcher',
  session_id: 'sess-7',
  project: 'tokentally',
  tool: null,
  request_id: 'req_011CKx',
  source: 'sdk',
  duration_ms: 5321,
  status: 'ok',
  error: null,
  tags: { team: 'core' },
};

const messagesOf = (value: unknown): string[] => {
  const parsed = storedEventSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
};

describe('storedEventSchema', () => {
  it('accepts a stored event as the daemon returns it over JSON', () => {
    expect(storedEventSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it('accepts an unpriced event with a null cost and null labels', () => {
    const unpriced = {
      ...stored,
      model: 'my-local-model',
      provider: 'unknown',
      cost_usd: null,
      cost_source: 'unpriced',
      agent: null,
      session_id: null,
      project: null,
      request_id: null,
      duration_ms: null,
      tags: {},
    };
    expect(messagesOf(unpriced)).toEqual([]);
  });

  it('accepts an error event with its message', () => {
    expect(messagesOf({ ...stored, status: 'error', error: 'overloaded_error: Overloaded' })).toEqual([]);
  });

  it('accepts times with an offset', () => {
    expect(messagesOf({ ...stored, ts: '2025-05-31T10:30:00+02:00' })).toEqual([]);
  });

  it('rejects a field it does not know', () => {
    expect(messagesOf({ ...stored, usage: {} })).toEqual([': unrecognized_keys']);
  });

  it('requires every stored field, absent labels included', () => {
    const { received_at: _received, agent: _agent, ...partial } = stored;
    expect(messagesOf(partial)).toEqual(['received_at: invalid_type', 'agent: invalid_type']);
  });

  it.each([
    ['seq', 0, 'seq: too_small'],
    ['seq', 1.5, 'seq: invalid_type'],
    ['id', '', 'id: too_small'],
    ['ts', 1748680200000, 'ts: invalid_type'],
    ['ts', '2025-05-31T08:30:00', 'ts: invalid_format'],
    ['received_at', '2025-05-31', 'received_at: invalid_format'],
    ['input_tokens', -1, 'input_tokens: too_small'],
    ['total_tokens', 1.5, 'total_tokens: invalid_type'],
    ['cost_usd', -0.01, 'cost_usd: too_small'],
    ['cost_usd', undefined, 'cost_usd: invalid_type'],
    ['cost_source', 'free', 'cost_source: invalid_value'],
    ['status', 'failed', 'status: invalid_value'],
    ['duration_ms', -5, 'duration_ms: too_small'],
    ['tags', { team: 1 }, 'tags.team: invalid_type'],
  ])('rejects %s = %j', (field, value, message) => {
    expect(messagesOf({ ...stored, [field]: value })).toEqual([message]);
  });
});

describe('costSourceSchema', () => {
  it('lists reported, computed and unpriced', () => {
    expect(costSourceSchema.options).toEqual(['reported', 'computed', 'unpriced']);
  });
});
