import { MinHeap } from './min-heap';
import { tokenRank } from './merge-by-scan';
import type { RankTable } from './rank-table';

// A heap key packs (pair rank, start of its left part) so one number comparison orders by lowest rank, then
// leftmost: ranks stay below 2^18 and starts below 2^32, well inside a double's 53 exact bits.
const SHIFT = 2 ** 32;
const NONE = -1;

/**
 * Byte-pair merge in O(n log n) for long pieces: parts form a linked list over byte offsets, candidate pairs
 * wait in a min-heap, and an entry is stale once its part's current pair rank differs (a pair that grew
 * has other bytes, hence another rank).
 */
export function mergeByHeap(bytes: string, ranks: RankTable): number[] {
  const n = bytes.length;
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  const pair = new Int32Array(n).fill(NONE);
  const part = new Int32Array(n);
  const heap = new MinHeap(n);
  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
    part[i] = tokenRank(bytes, ranks, i, i + 1);
  }
  for (let i = 0; i + 1 < n; i++) {
    const rank = ranks.get(bytes.slice(i, i + 2));
    if (rank === undefined) continue;
    pair[i] = rank;
    heap.append(rank * SHIFT + i);
  }
  heap.heapify();
  while (heap.size > 0) {
    const key = heap.pop();
    const rank = Math.floor(key / SHIFT);
    const i = key - rank * SHIFT;
    if (pair[i] !== rank) continue;
    const right = next[i] ?? n;
    const after = next[right] ?? n;
    next[i] = after;
    if (after < n) prev[after] = i;
    part[i] = rank;
    pair[right] = NONE;
    pair[i] = after < n ? lookUp(bytes, ranks, i, next[after] ?? n, heap) : NONE;
    const before = prev[i] ?? NONE;
    if (before !== NONE) pair[before] = lookUp(bytes, ranks, before, after, heap);
  }
  const tokens: number[] = [];
  for (let i = 0; i < n; i = next[i] ?? n) tokens.push(part[i] ?? NONE);
  return tokens;
}

function lookUp(bytes: string, ranks: RankTable, start: number, end: number, heap: MinHeap): number {
  const rank = ranks.get(bytes.slice(start, end));
  if (rank === undefined) return NONE;
  heap.push(rank * SHIFT + start);
  return rank;
}
