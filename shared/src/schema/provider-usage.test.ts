import { describe, expect, it } from 'vitest';
import { normalizedUsage } from './expected-usage';
import { normalizeProviderUsage } from './provider-usage';

describe('normalizeProviderUsage: telling shapes apart', () => {
  it('reads OpenAI-compatible usage for a non-OpenAI model the same way as OpenAI', () => {
    const usage = {
      prompt_tokens: 100,
      completion_tokens: 20,
      total_tokens: 120,
      prompt_tokens_details: { cached_tokens: 60 },
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({ input_tokens: 40, cache_read_input_tokens: 60, output_tokens: 20 }),
    );
  });

  it('reads input_tokens as excluding the cache when Anthropic cache fields are present', () => {
    expect(
      normalizeProviderUsage({ input_tokens: 10, output_tokens: 2, cache_read_input_tokens: 90 }),
    ).toEqual(normalizedUsage({ input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 2 }));
  });

  it('reads input_tokens as including the cache when OpenAI Responses details are present', () => {
    expect(
      normalizeProviderUsage({
        input_tokens: 100,
        output_tokens: 2,
        input_tokens_details: { cached_tokens: 90 },
      }),
    ).toEqual(normalizedUsage({ input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 2 }));
  });

  it('ignores a __proto__ key rather than reading counts through it', () => {
    expect(normalizeProviderUsage(JSON.parse('{"__proto__":{"prompt_tokens":5}}'))).toEqual({
      ok: false,
      issues: [
        {
          path: '',
          message:
            'expected the usage object of OpenAI Chat Completions or Responses, Anthropic Messages or Gemini (usageMetadata)',
        },
      ],
    });
  });
});

describe('normalizeProviderUsage: other input', () => {
  it.each([[null], ['usage'], [[1, 2]], [42]])('rejects %j', (raw) => {
    expect(normalizeProviderUsage(raw)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'expected an object' }],
    });
  });

  it.each([[{}], [{ tokens: 5 }], [{ totalTokenCount: 5 }], [{ inputTokens: 5, outputTokens: 2 }]])(
    'rejects the unknown shape %j',
    (raw) => {
      expect(normalizeProviderUsage(raw)).toEqual({
        ok: false,
        issues: [
          {
            path: '',
            message:
              'expected the usage object of OpenAI Chat Completions or Responses, Anthropic Messages or Gemini (usageMetadata)',
          },
        ],
      });
    },
  );
});
