import { describe, expect, it } from 'vitest';
import { summarizeIssues } from './event-issues';
import { type ParsedEvents, parseUsageEvents } from './parse-events';
import type { UsageEvent } from './usage-event';

const NOW = 1748779200000;

const parse = (body: unknown): ParsedEvents => parseUsageEvents(body, { now: NOW });
const summary = (body: unknown): string => {
  const result = parse(body);
  return result.ok ? 'ok' : summarizeIssues(result.issues);
};
const first = (body: unknown): UsageEvent | undefined => {
  const result = parse(body);
  return result.ok ? result.events[0] : undefined;
};
const tokensOf = (body: unknown) => {
  const event = first(body);
  return {
    input_tokens: event?.input_tokens,
    output_tokens: event?.output_tokens,
    cache_creation_input_tokens: event?.cache_creation_input_tokens,
    cache_creation_1h_input_tokens: event?.cache_creation_1h_input_tokens,
    cache_read_input_tokens: event?.cache_read_input_tokens,
    reasoning_tokens: event?.reasoning_tokens,
  };
};

describe('parseUsageEvents: provider', () => {
  it.each([
    ['gpt-4o', undefined, 'openai'],
    ['claude-sonnet-4@20250514', undefined, 'anthropic'],
    ['vertex_ai/gemini-2.5-pro', undefined, 'google'],
    ['my-local-model', undefined, 'unknown'],
    ['gpt-4o', 'Azure', 'openai'],
    ['gemini-2.5-flash', 'Gemini', 'google'],
    ['gpt-4o', 'OpenRouter', 'openrouter'],
    ['claude-sonnet-4', '  ', 'anthropic'],
    ['gpt-4o', 'constructor', 'constructor'],
  ])('model %s with provider %j is stored under %s', (model, provider, expected) => {
    expect(first({ model, provider })?.provider).toBe(expected);
  });
});

describe('parseUsageEvents: status and error', () => {
  it('defaults status to ok', () => {
    expect(first({ model: 'gpt-4o' })?.status).toBe('ok');
  });

  it('marks an event with an error message and no status as an error', () => {
    expect(first({ model: 'gpt-4o', error: 'rate_limit_exceeded' })).toMatchObject({
      status: 'error',
      error: 'rate_limit_exceeded',
    });
  });

  it('accepts status error without a message', () => {
    expect(first({ model: 'gpt-4o', status: 'error' })?.status).toBe('error');
  });

  it('keeps the source it was given', () => {
    expect(first({ model: 'gpt-4o', source: 'claude-code' })?.source).toBe('claude-code');
  });
});

describe('parseUsageEvents: null means absent', () => {
  it('treats null optional fields as absent, as Python SDKs send them', () => {
    const event = first({
      model: 'claude-sonnet-4-20250514',
      input_tokens: 12,
      output_tokens: 40,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
      session_id: null,
      tags: null,
      usage: null,
      error: null,
    });
    expect(event).toEqual({
      model: 'claude-sonnet-4-20250514',
      provider: 'anthropic',
      ts: NOW,
      source: 'api',
      status: 'ok',
      input_tokens: 12,
      output_tokens: 40,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 0,
      reasoning_tokens: 0,
    });
  });

  it('still requires the model when it is null', () => {
    expect(summary({ model: null })).toBe('events[0].model: required');
  });
});

describe('parseUsageEvents: token consistency', () => {
  it('rejects a 1-hour cache write larger than all cache writes', () => {
    expect(
      summary({
        model: 'claude-opus-4-1',
        cache_creation_input_tokens: 100,
        cache_creation_1h_input_tokens: 101,
      }),
    ).toBe(
      'events[0].cache_creation_1h_input_tokens: expected at most cache_creation_input_tokens (it is the 1-hour part of it)',
    );
  });

  it('accepts a 1-hour cache write equal to all cache writes', () => {
    expect(
      summary({
        model: 'claude-opus-4-1',
        cache_creation_input_tokens: 100,
        cache_creation_1h_input_tokens: 100,
      }),
    ).toBe('ok');
  });

  it('rejects more reasoning than output', () => {
    expect(summary({ model: 'o3', output_tokens: 10, reasoning_tokens: 11 })).toBe(
      'events[0].reasoning_tokens: expected at most output_tokens (reasoning is part of the output)',
    );
  });

  it('rejects reasoning sent without output', () => {
    expect(summary({ model: 'o3', reasoning_tokens: 5 })).toBe(
      'events[0].reasoning_tokens: expected at most output_tokens (reasoning is part of the output)',
    );
  });

  it('keeps reasoning inside output rather than adding it', () => {
    expect(tokensOf({ model: 'o3', input_tokens: 100, output_tokens: 50, reasoning_tokens: 30 })).toEqual({
      input_tokens: 100,
      output_tokens: 50,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 0,
      reasoning_tokens: 30,
    });
  });
});

describe('parseUsageEvents: a provider usage object', () => {
  it('normalizes OpenAI Chat Completions usage, moving cached tokens out of input', () => {
    const usage = {
      prompt_tokens: 2006,
      completion_tokens: 300,
      total_tokens: 2306,
      prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 192,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    };
    expect(first({ model: 'gpt-4o-2024-08-06', provider: 'openai', usage })).toEqual({
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      ts: NOW,
      source: 'api',
      status: 'ok',
      input_tokens: 86,
      output_tokens: 300,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 1920,
      reasoning_tokens: 192,
    });
  });

  it('normalizes Anthropic usage with the provider inferred from the model', () => {
    const usage = {
      input_tokens: 2095,
      cache_creation_input_tokens: 2051,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 51, ephemeral_1h_input_tokens: 2000 },
      output_tokens: 503,
      server_tool_use: { web_search_requests: 0 },
      service_tier: 'standard',
    };
    expect(tokensOf({ model: 'claude-sonnet-4-20250514', usage })).toEqual({
      input_tokens: 2095,
      output_tokens: 503,
      cache_creation_input_tokens: 2051,
      cache_creation_1h_input_tokens: 2000,
      cache_read_input_tokens: 0,
      reasoning_tokens: 0,
    });
  });

  it('rejects token fields sent beside usage, naming each', () => {
    expect(
      parse({ model: 'gpt-4o', input_tokens: 5, output_tokens: 1, usage: { prompt_tokens: 5 } }),
    ).toEqual({
      ok: false,
      issues: [
        { index: 0, path: 'input_tokens', message: 'cannot be combined with "usage": send one or the other' },
        {
          index: 0,
          path: 'output_tokens',
          message: 'cannot be combined with "usage": send one or the other',
        },
      ],
    });
  });

  it('names the field inside usage that is wrong', () => {
    expect(
      summary({
        model: 'gpt-4o',
        usage: { prompt_tokens: 10, prompt_tokens_details: { cached_tokens: -3 } },
      }),
    ).toBe('events[0].usage.prompt_tokens_details.cached_tokens: expected a non-negative integer');
  });

  it('reports a bad usage object and a bad time of the same event together', () => {
    expect(parse({ model: 'gpt-4o', ts: 1, usage: { prompt_tokens: -1 } })).toEqual({
      ok: false,
      issues: [
        { index: 0, path: 'usage.prompt_tokens', message: 'expected a non-negative integer' },
        {
          index: 0,
          path: 'ts',
          message: 'expected a time on or after 2000-01-01 (ts is epoch milliseconds, not seconds)',
        },
      ],
    });
  });

  it('rejects usage in no known shape', () => {
    expect(summary({ model: 'gpt-4o', usage: { tokens: 5 } })).toBe(
      'events[0].usage: expected the usage object of OpenAI Chat Completions or Responses, Anthropic Messages or Gemini (usageMetadata)',
    );
  });

  it('rejects a __proto__ key smuggling counts into usage', () => {
    expect(summary(JSON.parse('{"model":"gpt-4o","usage":{"__proto__":{"prompt_tokens":5}}}'))).toBe(
      'events[0].usage: expected the usage object of OpenAI Chat Completions or Responses, Anthropic Messages or Gemini (usageMetadata)',
    );
  });
});
