import { describe, expect, it } from 'vitest';
import { normalizedUsage } from './expected-usage';
import { normalizeProviderUsage } from './provider-usage';

describe('normalizeProviderUsage: OpenAI Chat Completions', () => {
  it('reads a plain gpt-4o response', () => {
    const usage = {
      prompt_tokens: 19,
      completion_tokens: 10,
      total_tokens: 29,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    };
    expect(normalizeProviderUsage(usage)).toEqual(normalizedUsage({ input_tokens: 19, output_tokens: 10 }));
  });

  it('moves cached prompt tokens to cache reads and keeps reasoning inside the completion', () => {
    const usage = {
      prompt_tokens: 3112,
      completion_tokens: 1540,
      total_tokens: 4652,
      prompt_tokens_details: { cached_tokens: 2944, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 1152,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({
        input_tokens: 168,
        cache_read_input_tokens: 2944,
        output_tokens: 1540,
        reasoning_tokens: 1152,
      }),
    );
  });

  it('counts audio and predicted-output tokens inside the prompt and completion they belong to', () => {
    const usage = {
      prompt_tokens: 1210,
      completion_tokens: 420,
      total_tokens: 1630,
      prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 120 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 300,
        accepted_prediction_tokens: 12,
        rejected_prediction_tokens: 3,
      },
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({ input_tokens: 186, cache_read_input_tokens: 1024, output_tokens: 420 }),
    );
  });

  it('reads a legacy response without details', () => {
    expect(normalizeProviderUsage({ prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 })).toEqual(
      normalizedUsage({ input_tokens: 9, output_tokens: 12 }),
    );
  });

  it('reads null details as absent', () => {
    const usage = {
      prompt_tokens: 50,
      completion_tokens: 7,
      total_tokens: 57,
      prompt_tokens_details: null,
      completion_tokens_details: null,
    };
    expect(normalizeProviderUsage(usage)).toEqual(normalizedUsage({ input_tokens: 50, output_tokens: 7 }));
  });

  it('reads DeepSeek usage, whose prompt includes the cache hits', () => {
    const usage = {
      prompt_tokens: 1500,
      completion_tokens: 400,
      total_tokens: 1900,
      prompt_tokens_details: { cached_tokens: 1024 },
      prompt_cache_hit_tokens: 1024,
      prompt_cache_miss_tokens: 476,
      completion_tokens_details: { reasoning_tokens: 310 },
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({
        input_tokens: 476,
        cache_read_input_tokens: 1024,
        output_tokens: 400,
        reasoning_tokens: 310,
      }),
    );
  });

  it('adds reasoning to output when the total shows it was reported beside the completion (xAI)', () => {
    const usage = {
      prompt_tokens: 32,
      completion_tokens: 9,
      total_tokens: 135,
      prompt_tokens_details: { text_tokens: 32, audio_tokens: 0, image_tokens: 0, cached_tokens: 6 },
      completion_tokens_details: {
        reasoning_tokens: 94,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
      num_sources_used: 0,
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({
        input_tokens: 26,
        cache_read_input_tokens: 6,
        output_tokens: 103,
        reasoning_tokens: 94,
      }),
    );
  });

  it('rejects more cached tokens than prompt tokens', () => {
    expect(
      normalizeProviderUsage({
        prompt_tokens: 10,
        completion_tokens: 1,
        prompt_tokens_details: { cached_tokens: 11 },
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'prompt_tokens_details.cached_tokens',
          message: 'expected at most prompt_tokens (cached tokens are part of the prompt)',
        },
      ],
    });
  });

  it('rejects more reasoning than completion when the total does not account for it', () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      completion_tokens_details: { reasoning_tokens: 6 },
    };
    expect(normalizeProviderUsage(usage)).toEqual({
      ok: false,
      issues: [
        {
          path: 'completion_tokens_details.reasoning_tokens',
          message: 'expected at most completion_tokens (reasoning is part of the completion)',
        },
      ],
    });
  });

  it('requires prompt_tokens', () => {
    expect(normalizeProviderUsage({ completion_tokens: 5 })).toEqual({
      ok: false,
      issues: [{ path: 'prompt_tokens', message: 'required' }],
    });
  });

  it('names a count of the wrong type', () => {
    expect(normalizeProviderUsage({ prompt_tokens: '19', completion_tokens: 10 })).toEqual({
      ok: false,
      issues: [{ path: 'prompt_tokens', message: 'expected a non-negative integer' }],
    });
  });
});

describe('normalizeProviderUsage: OpenAI Responses', () => {
  it('reads a plain response', () => {
    const usage = {
      input_tokens: 328,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 52,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 380,
    };
    expect(normalizeProviderUsage(usage)).toEqual(normalizedUsage({ input_tokens: 328, output_tokens: 52 }));
  });

  it('moves cached input to cache reads and keeps reasoning inside output', () => {
    const usage = {
      input_tokens: 4210,
      input_tokens_details: { cached_tokens: 3968 },
      output_tokens: 640,
      output_tokens_details: { reasoning_tokens: 448 },
      total_tokens: 4850,
    };
    expect(normalizeProviderUsage(usage)).toEqual(
      normalizedUsage({
        input_tokens: 242,
        cache_read_input_tokens: 3968,
        output_tokens: 640,
        reasoning_tokens: 448,
      }),
    );
  });

  it('rejects more cached tokens than input tokens', () => {
    const usage = {
      input_tokens: 5,
      input_tokens_details: { cached_tokens: 6 },
      output_tokens: 1,
      total_tokens: 6,
    };
    expect(normalizeProviderUsage(usage)).toEqual({
      ok: false,
      issues: [
        {
          path: 'input_tokens_details.cached_tokens',
          message: 'expected at most input_tokens (cached tokens are part of the input)',
        },
      ],
    });
  });

  it('rejects more reasoning than output', () => {
    const usage = {
      input_tokens: 5,
      output_tokens: 1,
      output_tokens_details: { reasoning_tokens: 2 },
      total_tokens: 6,
    };
    expect(normalizeProviderUsage(usage)).toEqual({
      ok: false,
      issues: [
        {
          path: 'output_tokens_details.reasoning_tokens',
          message: 'expected at most output_tokens (reasoning is part of the output)',
        },
      ],
    });
  });

  it('requires input_tokens', () => {
    expect(normalizeProviderUsage({ output_tokens: 5, total_tokens: 5 })).toEqual({
      ok: false,
      issues: [{ path: 'input_tokens', message: 'required' }],
    });
  });
});
