import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelay } from './backoff';

describe('retryDelay', () => {
  it('doubles from a second and stays at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((failures) => retryDelay(failures, DEFAULT_BACKOFF))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});
