import { describe, expect, it } from 'vitest';
import { summarizeIssues } from './event-issues';
import { type ParsedEvents, parseUsageEvents } from './parse-events';

const NOW = 1748779200000;
const ID_MESSAGE = 'expected 1..128 characters of A-Z a-z 0-9 . _ : -';

const parse = (body: unknown): ParsedEvents => parseUsageEvents(body, { now: NOW });
const summary = (body: unknown): string => {
  const result = parse(body);
  return result.ok ? 'ok' : summarizeIssues(result.issues);
};
// The bad event is the fourth of a batch, so every summary names `events[3]`.
const fourth = (event: Record<string, unknown>): string =>
  summary([{ model: 'gpt-4o' }, { model: 'gpt-4o' }, { model: 'gpt-4o' }, event]);
const withField = (field: string, value: unknown): string => fourth({ model: 'gpt-4o', [field]: value });

const tokenFields = [
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'reasoning_tokens',
];

describe('parseUsageEvents: field errors name the field', () => {
  it('says a missing model is required', () => {
    expect(fourth({ input_tokens: 5 })).toBe('events[3].model: required');
  });

  it.each([
    ['model', '', 'expected a non-empty string'],
    ['model', 'm'.repeat(201), 'expected at most 200 characters'],
    ['model', 42, 'expected a string'],
    ['id', '', ID_MESSAGE],
    ['id', 'has space', ID_MESSAGE],
    ['id', 'évènement', ID_MESSAGE],
    ['id', 'a/b', ID_MESSAGE],
    ['id', 'i'.repeat(129), ID_MESSAGE],
    ['id', 42, 'expected a string'],
    ['provider', '', 'expected a non-empty string'],
    ['provider', 'p'.repeat(65), 'expected at most 64 characters'],
    ['cost_usd', -0.01, 'expected a number >= 0'],
    ['cost_usd', '0.5', 'expected a number'],
    ['cost_usd', Number.NaN, 'expected a number'],
    ['cost_usd', Number.POSITIVE_INFINITY, 'expected a number'],
    ['cost_usd', 1_000_001, 'expected at most 1000000'],
    ['agent', '', 'expected a non-empty string'],
    ['agent', 'a'.repeat(257), 'expected at most 256 characters'],
    ['session_id', 's'.repeat(257), 'expected at most 256 characters'],
    ['project', 42, 'expected a string'],
    ['tool', '', 'expected a non-empty string'],
    ['request_id', 'r'.repeat(257), 'expected at most 256 characters'],
    ['source', 's'.repeat(65), 'expected at most 64 characters'],
    ['duration_ms', -1, 'expected a non-negative integer'],
    ['duration_ms', 1.5, 'expected a non-negative integer'],
    ['duration_ms', '100', 'expected a non-negative integer'],
    ['duration_ms', 1e20, 'expected at most one year in milliseconds'],
    ['status', 'failed', 'expected "ok" or "error"'],
    ['status', true, 'expected "ok" or "error"'],
    ['error', 42, 'expected a string'],
    ['usage', 'lots', 'expected an object'],
    ['usage', [1, 2], 'expected an object'],
    ['tags', 'team=core', 'expected an object of string to string'],
    ['tags', ['core'], 'expected an object of string to string'],
  ])('%s = %j is rejected: %s', (field, value, message) => {
    expect(withField(field, value)).toBe(`events[3].${field}: ${message}`);
  });

  it.each(
    tokenFields.flatMap((field) => [
      [field, -1, 'expected a non-negative integer'],
      [field, 1.5, 'expected a non-negative integer'],
      [field, '12', 'expected a non-negative integer'],
      [field, Number.NaN, 'expected a non-negative integer'],
      [field, Number.POSITIVE_INFINITY, 'expected a non-negative integer'],
      [field, true, 'expected a non-negative integer'],
      [field, 1_000_000_001, 'expected at most 1000000000'],
      [field, 1e20, 'expected at most 1000000000'],
    ]),
  )('%s = %j is rejected: %s', (field, value, message) => {
    expect(withField(field, value)).toBe(`events[3].${field}: ${message}`);
  });

  it('gives one issue, not two, for a count beyond 2^53', () => {
    expect(parse({ model: 'gpt-4o', input_tokens: 1e20 })).toEqual({
      ok: false,
      issues: [{ index: 0, path: 'input_tokens', message: 'expected at most 1000000000' }],
    });
  });

  it('accepts token counts of exactly 0 and 1e9', () => {
    expect(summary({ model: 'gpt-4o', input_tokens: 0, output_tokens: 1e9 })).toBe('ok');
  });

  it('accepts an id of 128 characters from the whole charset', () => {
    expect(summary({ model: 'gpt-4o', id: `AZaz09._:-${'x'.repeat(118)}` })).toBe('ok');
  });

  it('rejects an error message over 2000 characters', () => {
    expect(fourth({ model: 'gpt-4o', status: 'error', error: 'e'.repeat(2001) })).toBe(
      'events[3].error: expected at most 2000 characters',
    );
  });

  it('accepts an error message of 2000 characters', () => {
    expect(summary({ model: 'gpt-4o', status: 'error', error: 'e'.repeat(2000) })).toBe('ok');
  });

  it('rejects an error message on an event whose status is ok', () => {
    expect(fourth({ model: 'gpt-4o', status: 'ok', error: 'boom' })).toBe(
      'events[3].error: only allowed with "status": "error"',
    );
  });

  it('names every problem of an event and counts the rest in the summary', () => {
    const result = parse({ model: '', input_tokens: -1, status: 'nope' });
    expect(result).toEqual({
      ok: false,
      issues: [
        { index: 0, path: 'model', message: 'expected a non-empty string' },
        { index: 0, path: 'input_tokens', message: 'expected a non-negative integer' },
        { index: 0, path: 'status', message: 'expected "ok" or "error"' },
      ],
    });
    expect(summary({ model: '', input_tokens: -1, status: 'nope' })).toBe(
      'events[0].model: expected a non-empty string (and 2 more)',
    );
  });

  it.each([[null], ['gpt-4o'], [[{ model: 'gpt-4o' }]], [7]])('rejects %j in place of an event', (event) => {
    expect(summary([{ model: 'gpt-4o' }, event])).toBe('events[1]: expected an event object');
  });
});

describe('parseUsageEvents: unknown fields', () => {
  it('names an unknown field', () => {
    expect(withField('prompt_tokens', 5)).toBe('events[3].prompt_tokens: unknown field');
  });

  it('names each of several unknown fields', () => {
    expect(parse({ model: 'gpt-4o', tokens: 5, Model: 'x' })).toEqual({
      ok: false,
      issues: [
        { index: 0, path: 'tokens', message: 'unknown field' },
        { index: 0, path: 'Model', message: 'unknown field' },
      ],
    });
  });

  it('rejects a __proto__ key parsed from JSON', () => {
    expect(summary(JSON.parse('{"model":"x","__proto__":{"a":1}}'))).toBe(
      'events[0].__proto__: unknown field',
    );
  });

  it('rejects a constructor key', () => {
    expect(summary(JSON.parse('{"model":"x","constructor":{"prototype":{}}}'))).toBe(
      'events[0].constructor: unknown field',
    );
  });

  it('rejects stored-event fields sent back as input', () => {
    expect(withField('seq', 1)).toBe('events[3].seq: unknown field');
    expect(withField('total_tokens', 10)).toBe('events[3].total_tokens: unknown field');
  });
});

describe('parseUsageEvents: tags', () => {
  it('accepts 32 tags', () => {
    const tags = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, 'v']));
    expect(summary({ model: 'gpt-4o', tags })).toBe('ok');
  });

  it('rejects 33 tags', () => {
    const tags = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
    expect(withField('tags', tags)).toBe('events[3].tags: expected at most 32 keys');
  });

  it('names the tag whose value is not a string', () => {
    expect(withField('tags', { team: 'core', cost_center: 42 })).toBe(
      'events[3].tags.cost_center: expected a string',
    );
  });

  it('rejects a tag value over 256 characters', () => {
    expect(withField('tags', { note: 'n'.repeat(257) })).toBe(
      'events[3].tags.note: expected at most 256 characters',
    );
  });

  it('rejects an empty tag name', () => {
    expect(withField('tags', { '': 'v' })).toBe(
      'events[3].tags."": invalid key (expected a non-empty string)',
    );
  });

  it('rejects a tag name over 64 characters', () => {
    expect(withField('tags', { ['k'.repeat(65)]: 'v' })).toBe(
      `events[3].tags.${'k'.repeat(65)}: invalid key (expected at most 64 characters)`,
    );
  });

  it('drops a __proto__ tag without touching the prototype of the stored tags', () => {
    const result = parse(JSON.parse('{"model":"x","tags":{"__proto__":{"polluted":"yes"},"team":"core"}}'));
    const tags = result.ok ? result.events[0]?.tags : undefined;
    expect(tags).toEqual({ team: 'core' });
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.hasOwn({}, 'polluted')).toBe(false);
  });

  it('keeps a constructor tag as a plain string', () => {
    expect(parse(JSON.parse('{"model":"x","tags":{"constructor":"v"}}'))).toEqual({
      ok: true,
      events: [{ ...parsedDefaults('x'), tags: { constructor: 'v' } }],
    });
  });
});

function parsedDefaults(model: string): Record<string, unknown> {
  return {
    model,
    provider: 'unknown',
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
}
