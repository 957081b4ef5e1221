import { describe, expect, it } from 'vitest';
import { fixedSizeBatches } from './fixed-size-batches';

describe('fixed-size batches', () => {
  it('hands on full batches as pieces of any size complete them, then the rest', async () => {
    const batches: number[][] = [];
    const batcher = fixedSizeBatches<number>(3, (items) => {
      batches.push(items);
    });
    await batcher.add([1]);
    expect(batches).toEqual([]);
    await batcher.add([2, 3, 4, 5, 6, 7]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await batcher.end();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('waits for each batch to be taken before handing on the next, and ends with nothing when all was sent', async () => {
    const seen: string[] = [];
    const batcher = fixedSizeBatches<number>(2, async (items) => {
      seen.push(`start ${String(items[0])}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`end ${String(items[0])}`);
    });
    await batcher.add([1, 2, 3, 4]);
    await batcher.end();
    expect(seen).toEqual(['start 1', 'end 1', 'start 3', 'end 3']);
  });
});
