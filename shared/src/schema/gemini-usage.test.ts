import { describe, expect, it } from 'vitest';
import { normalizedUsage } from './expected-usage';
import { normalizeProviderUsage } from './provider-usage';

describe('normalizeProviderUsage: Gemini usageMetadata', () => {
  it('reads a Gemini 2.5 response with cached content and thoughts', () => {
    const usageMetadata = {
      promptTokenCount: 12480,
      candidatesTokenCount: 512,
      totalTokenCount: 14210,
      cachedContentTokenCount: 8192,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 12480 }],
      cacheTokensDetails: [{ modality: 'TEXT', tokenCount: 8192 }],
      candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 512 }],
      thoughtsTokenCount: 1218,
    };
    expect(normalizeProviderUsage(usageMetadata)).toEqual(
      normalizedUsage({
        input_tokens: 4288,
        cache_read_input_tokens: 8192,
        output_tokens: 1730,
        reasoning_tokens: 1218,
      }),
    );
  });

  it('counts tool-use prompt tokens as input', () => {
    const usageMetadata = {
      promptTokenCount: 820,
      candidatesTokenCount: 310,
      toolUsePromptTokenCount: 2410,
      thoughtsTokenCount: 95,
      totalTokenCount: 3635,
      promptTokensDetails: [
        { modality: 'TEXT', tokenCount: 562 },
        { modality: 'IMAGE', tokenCount: 258 },
      ],
      toolUsePromptTokensDetails: [{ modality: 'TEXT', tokenCount: 2410 }],
    };
    expect(normalizeProviderUsage(usageMetadata)).toEqual(
      normalizedUsage({ input_tokens: 3230, output_tokens: 405, reasoning_tokens: 95 }),
    );
  });

  it('reads a Gemini 2.0 response without thoughts', () => {
    const usageMetadata = {
      promptTokenCount: 8,
      candidatesTokenCount: 12,
      totalTokenCount: 20,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 8 }],
      candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 12 }],
    };
    expect(normalizeProviderUsage(usageMetadata)).toEqual(
      normalizedUsage({ input_tokens: 8, output_tokens: 12 }),
    );
  });

  it('reads omitted counts as zero, as Gemini leaves zeros out', () => {
    const usageMetadata = {
      promptTokenCount: 4,
      totalTokenCount: 4,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 4 }],
    };
    expect(normalizeProviderUsage(usageMetadata)).toEqual(normalizedUsage({ input_tokens: 4 }));
  });

  it('rejects more cached content than prompt', () => {
    expect(
      normalizeProviderUsage({ promptTokenCount: 10, cachedContentTokenCount: 11, totalTokenCount: 10 }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'cachedContentTokenCount',
          message: 'expected at most promptTokenCount (cached content is part of the prompt)',
        },
      ],
    });
  });

  it('rejects a sum of parts beyond one billion', () => {
    expect(
      normalizeProviderUsage({ promptTokenCount: 1, candidatesTokenCount: 1e9, thoughtsTokenCount: 1 }),
    ).toEqual({
      ok: false,
      issues: [{ path: '', message: 'output_tokens would exceed 1000000000' }],
    });
  });
});
