import { describe, expect, it } from 'vitest';
import { normalizedUsage } from './expected-usage';
import { normalizeProviderUsage } from './provider-usage';

describe('normalizeProviderUsage: Anthropic Messages', () => {
  it('reads a response that wrote the cache for 5 minutes', () => {
    const usage = {
      input_tokens: 2095,
      cache_creation_input_tokens: 2051,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 2051, ephemeral_1h_input_tokens: 0 },
      output_tokens: 503,
      server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
      service_tier: 'standard',
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({ input_tokens: 2095, cache_creation_input_tokens: 2051, output_tokens: 503 }),
    );
  });

  it('keeps the 1-hour part of cache writes', () => {
    const usage = {
      input_tokens: 48,
      cache_creation_input_tokens: 3072,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 1024, ephemeral_1h_input_tokens: 2048 },
      output_tokens: 812,
      server_tool_use: null,
      service_tier: 'standard',
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({
        input_tokens: 48,
        cache_creation_input_tokens: 3072,
        cache_creation_1h_input_tokens: 2048,
        output_tokens: 812,
      }),
    );
  });

  it('reads cache hits, which its input already excludes', () => {
    const usage = {
      input_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 18432,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: 245,
      server_tool_use: { web_search_requests: 2 },
      service_tier: 'priority',
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({ input_tokens: 12, cache_read_input_tokens: 18432, output_tokens: 245 }),
    );
  });

  it('reads an older response with no cache_creation breakdown', () => {
    const usage = {
      input_tokens: 25,
      cache_creation_input_tokens: 1500,
      cache_read_input_tokens: 0,
      output_tokens: 150,
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({ input_tokens: 25, cache_creation_input_tokens: 1500, output_tokens: 150 }),
    );
  });

  it('reads the nulls the Python SDK sends for absent counts', () => {
    const usage = {
      input_tokens: 12,
      output_tokens: 40,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
      cache_creation: null,
      server_tool_use: null,
      service_tier: null,
    };
    expect(normalizeProviderUsage(usage)).toEqual(normalizedUsage({ input_tokens: 12, output_tokens: 40 }));
  });

  it('takes the cache write total from the breakdown when only the breakdown is sent', () => {
    const usage = {
      input_tokens: 3,
      output_tokens: 4,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({
        input_tokens: 3,
        output_tokens: 4,
        cache_creation_input_tokens: 300,
        cache_creation_1h_input_tokens: 200,
      }),
    );
  });

  it('reads bare input and output counts', () => {
    expect(normalizeProviderUsage({ input_tokens: 7, output_tokens: 3 })).toEqual(
      normalizedUsage({ input_tokens: 7, output_tokens: 3 }),
    );
  });

  it('names a bad count in the breakdown', () => {
    const usage = { input_tokens: 1, output_tokens: 1, cache_creation: { ephemeral_1h_input_tokens: -5 } };
    expect(normalizeProviderUsage(usage)).toEqual({
      ok: false,
      issues: [
        { path: 'cache_creation.ephemeral_1h_input_tokens', message: 'expected a non-negative integer' },
      ],
    });
  });
});
