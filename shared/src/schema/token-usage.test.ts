import { describe, expect, it } from 'vitest';
import {
  emptyTokenUsage,
  TOKEN_FIELDS,
  tokenCountSchema,
  tokenUsageSchema,
  totalTokens,
} from './token-usage';

const messagesOf = (value: unknown): string[] => {
  const parsed = tokenCountSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('tokenCountSchema', () => {
  it.each([[0], [1], [1_000_000_000]])('accepts %j', (value) => {
    expect(messagesOf(value)).toEqual([]);
  });

  it.each([[-1], [1.5], ['3'], [Number.NaN], [Number.NEGATIVE_INFINITY], [null]])(
    'rejects %j as not a count',
    (value) => {
      expect(messagesOf(value)).toEqual(['expected a non-negative integer']);
    },
  );

  it('rejects a count above one billion', () => {
    expect(messagesOf(1_000_000_001)).toEqual(['expected at most 1000000000']);
  });

  it('calls an integer beyond 2^53 too big, not a non-integer', () => {
    expect(messagesOf(1e20)).toEqual(['expected at most 1000000000', 'expected at most 1000000000']);
  });
});

describe('totalTokens', () => {
  it('adds input, both cache fields and output, leaving reasoning and the 1-hour part inside', () => {
    const usage = {
      input_tokens: 100,
      output_tokens: 50,
      cache_creation_input_tokens: 30,
      cache_creation_1h_input_tokens: 20,
      cache_read_input_tokens: 400,
      reasoning_tokens: 40,
    };
    expect(totalTokens(usage)).toBe(580);
  });

  it('is zero for an empty usage', () => {
    expect(totalTokens(emptyTokenUsage())).toBe(0);
  });
});

describe('tokenUsageSchema', () => {
  it('accepts an empty usage with every field', () => {
    expect(tokenUsageSchema.parse(emptyTokenUsage())).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 0,
      reasoning_tokens: 0,
    });
  });

  it('has exactly the fields TOKEN_FIELDS lists', () => {
    expect(Object.keys(tokenUsageSchema.shape)).toEqual([...TOKEN_FIELDS]);
  });
});
