import { describe, expect, it } from 'vitest';
import { summarizeIssues } from './event-issues';
import { type ParsedEvents, parseUsageEvents } from './parse-events';

// 2025-06-01T12:00:00Z
const NOW = 1748779200000;
const TIME_MESSAGE = 'expected an RFC 3339 date-time with a time zone, or integer epoch milliseconds';

const parse = (body: unknown): ParsedEvents => parseUsageEvents(body, { now: NOW });
const summary = (body: unknown): string => {
  const result = parse(body);
  return result.ok ? 'ok' : summarizeIssues(result.issues);
};
const tsOf = (ts: unknown): number | undefined => {
  const result = parse({ model: 'gpt-4o', ts });
  return result.ok ? result.events[0]?.ts : undefined;
};

const defaults = {
  model: 'gpt-4o',
  provider: 'openai',
  ts: NOW,
  source: 'api',
  status: 'ok',
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_creation_1h_input_tokens: 0,
  cache_read_input_tokens: 0,
  reasoning_tokens: 0,
};

describe('parseUsageEvents: request bodies', () => {
  it('accepts a single event object and fills in provider, source, status and ts', () => {
    expect(parse({ model: 'gpt-4o' })).toEqual({ ok: true, events: [defaults] });
  });

  it('accepts an array of events in order', () => {
    const result = parse([{ model: 'gpt-4o' }, { model: 'claude-sonnet-4-20250514', input_tokens: 5 }]);
    expect(result).toEqual({
      ok: true,
      events: [
        defaults,
        { ...defaults, model: 'claude-sonnet-4-20250514', provider: 'anthropic', input_tokens: 5 },
      ],
    });
  });

  it('accepts {"events": [...]}', () => {
    expect(parse({ events: [{ model: 'gpt-4o' }] })).toEqual({ ok: true, events: [defaults] });
  });

  it('accepts an empty batch', () => {
    expect(parse({ events: [] })).toEqual({ ok: true, events: [] });
  });

  it('rejects another key beside "events"', () => {
    expect(parse({ events: [], extra: 1 })).toEqual({
      ok: false,
      issues: [{ index: null, path: 'extra', message: 'unknown field' }],
    });
  });

  it('rejects "events" that is not an array', () => {
    expect(summary({ events: { model: 'gpt-4o' } })).toBe('events: expected an array of events');
  });

  it('treats an object with both "model" and "events" as one event with an unknown field', () => {
    expect(summary({ model: 'gpt-4o', events: [] })).toBe('events[0].events: unknown field');
  });

  it.each([['a string'], [42], [null], [true]])('rejects the body %j', (body) => {
    expect(summary(body)).toBe('expected an event object, an array of events, or {"events": [...]}');
  });

  it('keeps every field it was given', () => {
    const event = {
      model: 'claude-opus-4-1-20250805',
      id: 'run-42:step.7_a',
      ts: '2025-05-31T08:30:00Z',
      provider: 'anthropic',
      input_tokens: 1200,
      output_tokens: 800,
      cache_creation_input_tokens: 3000,
      cache_creation_1h_input_tokens: 1000,
      cache_read_input_tokens: 5000,
      reasoning_tokens: 300,
      cost_usd: 0.1234,
      agent: 'main/researcher/summarizer',
      session_id: 'sess-1',
      project: 'tokentally',
      tool: 'web_search',
      request_id: 'req_011CKx',
      source: 'sdk',
      duration_ms: 5321,
      status: 'error',
      error: 'overloaded_error: Overloaded',
      tags: { team: 'core', env: 'prod' },
    };
    expect(parse(event)).toEqual({ ok: true, events: [{ ...event, ts: 1748680200000 }] });
  });

  it('rejects the whole batch when one event is bad, naming that event', () => {
    const result = parse([{ model: 'gpt-4o' }, { model: 'gpt-4o' }, { model: 'gpt-4o', input_tokens: -1 }]);
    expect(result).toEqual({
      ok: false,
      issues: [{ index: 2, path: 'input_tokens', message: 'expected a non-negative integer' }],
    });
  });

  it('accepts 10,000 events', () => {
    const result = parse(Array.from({ length: 10_000 }, () => ({ model: 'gpt-4o', input_tokens: 1 })));
    expect(result.ok && result.events.length).toBe(10_000);
  });

  it('rejects 10,001 events before looking at any of them', () => {
    expect(parse({ events: Array.from({ length: 10_001 }, () => 'not an event') })).toEqual({
      ok: false,
      issues: [{ index: null, path: 'events', message: 'expected at most 10000 events, got 10001' }],
    });
  });

  it('reports at most 100 issues for a batch of garbage', () => {
    const result = parse(Array.from({ length: 500 }, () => ({ model: '' })));
    expect(result.ok ? 0 : result.issues.length).toBe(100);
    expect(summary(Array.from({ length: 500 }, () => ({ model: '' })))).toBe(
      'events[0].model: expected a non-empty string (and 99 more)',
    );
  });
});

describe('parseUsageEvents: ts', () => {
  it('defaults to the time received', () => {
    expect(tsOf(undefined)).toBe(NOW);
  });

  it('reads RFC 3339 in UTC', () => {
    expect(tsOf('2025-05-31T08:30:00Z')).toBe(1748680200000);
  });

  it('reads RFC 3339 with a positive offset and fractional seconds', () => {
    expect(tsOf('2025-05-31T10:30:00.250+02:00')).toBe(1748680200250);
  });

  it('reads RFC 3339 with a negative offset', () => {
    expect(tsOf('2025-05-31T03:00:00-05:30')).toBe(1748680200000);
  });

  it('reads integer epoch milliseconds', () => {
    expect(tsOf(1748680200000)).toBe(1748680200000);
  });

  it('accepts 2000-01-01T00:00:00Z exactly', () => {
    expect(tsOf('2000-01-01T00:00:00Z')).toBe(946684800000);
  });

  it('rejects a time before 2000-01-01', () => {
    expect(summary({ model: 'gpt-4o', ts: '1999-12-31T23:59:59Z' })).toBe(
      'events[0].ts: expected a time on or after 2000-01-01',
    );
  });

  it('rejects epoch seconds with a hint', () => {
    expect(summary({ model: 'gpt-4o', ts: 1748680200 })).toBe(
      'events[0].ts: expected a time on or after 2000-01-01 (ts is epoch milliseconds, not seconds)',
    );
  });

  it('accepts a time exactly 24 h ahead', () => {
    expect(tsOf(NOW + 86_400_000)).toBe(1748865600000);
  });

  it('rejects a time more than 24 h ahead', () => {
    expect(summary({ model: 'gpt-4o', ts: '2025-06-02T12:00:00.001Z' })).toBe(
      'events[0].ts: expected a time at most 24 h in the future',
    );
  });

  it.each([
    ['yesterday'],
    [''],
    ['2025-05-31'],
    ['2025-05-31T08:30:00'],
    ['2025-05-31 08:30:00Z'],
    ['2025-05-31T08:30Z'],
    ['2025-02-30T00:00:00Z'],
    ['2025-05-31T24:00:00Z'],
    ['Sat, 31 May 2025 08:30:00 GMT'],
    [1748680200000.5],
    [-1],
    [1e20],
    [true],
    [{}],
  ])('rejects ts %j', (ts) => {
    expect(summary({ model: 'gpt-4o', ts })).toBe(`events[0].ts: ${TIME_MESSAGE}`);
  });
});
