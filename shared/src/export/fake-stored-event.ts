import type { StoredEvent } from '../schema/stored-event';

/** A valid stored event for tests, with any field overridden. */
export function fakeStoredEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    seq: 1,
    id: 'evt-1',
    ts: '2025-03-01T12:00:00.000Z',
    received_at: '2025-03-01T12:00:00.250Z',
    model: 'claude-sonnet-4-5',
    provider: 'anthropic',
    input_tokens: 1200,
    output_tokens: 300,
    cache_creation_input_tokens: 0,
    cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: 0,
    reasoning_tokens: 0,
    total_tokens: 1500,
    cost_usd: 0.0081,
    cost_source: 'computed',
    agent: null,
    session_id: null,
    project: null,
    tool: null,
    request_id: null,
    source: 'api',
    duration_ms: null,
    status: 'ok',
    error: null,
    tags: {},
    ...overrides,
  };
}
