import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('computes each key once while it is remembered', () => {
    const computed: string[] = [];
    const upper = boundedMemo((key: string) => {
      computed.push(key);
      return key.toUpperCase();
    }, 10);
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(computed).toEqual(['a', 'b']);
  });

  it('starts over once it holds the most it may, instead of growing', () => {
    const computed: number[] = [];
    const double = boundedMemo((key: number) => {
      computed.push(key);
      return key * 2;
    }, 2);
    for (const key of [1, 2, 3, 1, 3]) double(key);
    // 3 found the memo full (1, 2) and cleared it; 1 is computed again, 3 is still known.
    expect(computed).toEqual([1, 2, 3, 1]);
  });
});
