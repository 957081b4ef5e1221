import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('pops keys smallest first, growing past its first capacity', () => {
    const heap = new MinHeap(2);
    const keys = [5, 3, 9, 1, 7, 3, 0, 12, 8, 2, 11, 4, 6, 10, 13, 15, 14, 16, 1.5];
    for (const key of keys) heap.push(key);
    const popped = keys.map(() => heap.pop());
    expect(popped).toEqual([0, 1, 1.5, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(heap.size).toBe(0);
  });
});
