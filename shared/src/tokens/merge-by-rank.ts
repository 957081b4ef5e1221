import { MinHeap } from './min-heap';
import { NO_TOKEN, type TokenTable } from './token-table';

const NEXT = 0;
const PREV = 1;
const PAIR = 2;
const PART = 3;

/** Starts of the parts whose pair with the next part has one rank; `from` skips those already handled. */
interface RankBucket {
  starts: number[];
  from: number;
  sorted: boolean;
}

/**
 * Byte-pair merge in O(n log n) for long pieces. Parts form a linked list over byte offsets; each candidate
 * pair waits in the bucket of its rank, and a binary heap holds the distinct ranks. Popping a rank merges
 * its pairs left to right, which is tiktoken's order (lowest rank, then leftmost): a merge never creates a
 * pair of its own rank (the new pair has more bytes), and in the rare case it creates a lower one the rest of
 * the bucket waits until that rank is done. A bucket entry is stale once its part's pair rank changed.
 */
export class RankMerger {
  // Indexed by rank and emptied by every merge, so one array serves all pieces without a Map.
  private readonly buckets: (RankBucket | undefined)[];
  private readonly ranks = new MinHeap(256);

  constructor(private readonly tokens: TokenTable) {
    this.buckets = new Array<RankBucket | undefined>(tokens.rankCount).fill(undefined);
  }

  /** Merges `parts` (the rank of each byte) into token ranks. */
  merge(parts: Int32Array): number[] {
    const n = parts.length;
    // Per byte offset, side by side so that visiting a part touches one cache line: the start of the next
    // part (NEXT), of the previous one (PREV), the rank of the pair the part begins (PAIR), its own rank (PART).
    const at = new Int32Array(4 * n);
    for (let i = 0; i < n; i++) {
      at[4 * i + NEXT] = i + 1;
      at[4 * i + PREV] = i - 1;
      at[4 * i + PART] = parts[i] ?? 0;
    }
    for (let i = 0; i + 1 < n; i++) at[4 * i + PAIR] = this.pairUp(parts[i] ?? 0, parts[i + 1] ?? 0, i);
    at[4 * (n - 1) + PAIR] = NO_TOKEN;
    const { buckets, ranks } = this;
    while (ranks.size > 0) {
      const rank = ranks.pop();
      const bucket = buckets[rank];
      if (bucket === undefined) continue;
      buckets[rank] = undefined;
      const { starts } = bucket;
      if (!bucket.sorted) sortFrom(starts, bucket.from);
      for (let k = bucket.from; k < starts.length; k++) {
        const i = starts[k] ?? 0;
        if (at[4 * i + PAIR] !== rank) continue;
        const right = at[4 * i + NEXT] ?? n;
        const after = at[4 * right + NEXT] ?? n;
        at[4 * i + NEXT] = after;
        if (after < n) at[4 * after + PREV] = i;
        at[4 * i + PART] = rank;
        // The right part is gone: its own bucket entries must never match again.
        at[4 * right + PAIR] = NO_TOKEN;
        const before = at[4 * i + PREV] ?? -1;
        // Left pair first, so a bucket filled by one pass stays in position order.
        const mergedLeft = before >= 0 ? this.pairUp(at[4 * before + PART] ?? 0, rank, before) : NO_TOKEN;
        if (before >= 0) at[4 * before + PAIR] = mergedLeft;
        const mergedRight = after < n ? this.pairUp(rank, at[4 * after + PART] ?? 0, i) : NO_TOKEN;
        at[4 * i + PAIR] = mergedRight;
        if (mergedRight < rank || mergedLeft < rank) {
          bucket.from = k + 1;
          this.requeue(rank, bucket);
          break;
        }
      }
    }
    const out: number[] = [];
    for (let i = 0; i < n; i = at[4 * i + NEXT] ?? n) out.push(at[4 * i + PART] ?? 0);
    return out;
  }

  private pairUp(left: number, right: number, start: number): number {
    const rank = this.tokens.merge(left, right);
    if (rank === NO_TOKEN) return rank;
    const bucket = this.buckets[rank];
    if (bucket === undefined) {
      this.buckets[rank] = { starts: [start], from: 0, sorted: true };
      this.ranks.push(rank);
    } else {
      if (start < (bucket.starts[bucket.starts.length - 1] ?? -1)) bucket.sorted = false;
      bucket.starts.push(start);
    }
    return rank;
  }

  // Puts the unhandled rest of a bucket back, merged with entries that arrived meanwhile.
  private requeue(rank: number, rest: RankBucket): void {
    const arrived = this.buckets[rank];
    if (arrived !== undefined) {
      for (let k = arrived.from; k < arrived.starts.length; k++) rest.starts.push(arrived.starts[k] ?? 0);
      rest.sorted = false;
    } else {
      this.ranks.push(rank);
    }
    this.buckets[rank] = rest;
  }
}

function sortFrom(starts: number[], from: number): void {
  const rest = starts.slice(from).sort((a, b) => a - b);
  for (let k = 0; k < rest.length; k++) starts[from + k] = rest[k] ?? 0;
}
