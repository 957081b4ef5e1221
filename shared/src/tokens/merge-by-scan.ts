import type { RankTable } from './rank-table';

const NONE = 0x7fffffff;

function pairRank(bytes: string, ranks: RankTable, start: number, end: number): number {
  return ranks.get(bytes.slice(start, end)) ?? NONE;
}

/**
 * Byte-pair merge by rescanning every pair after each merge (tiktoken's own loop): O(n²), yet the fastest
 * for the short pieces that make up almost all text. Ties go to the leftmost pair.
 */
export function mergeByScan(bytes: string, ranks: RankTable): number[] {
  const n = bytes.length;
  const bounds = new Int32Array(n + 1);
  const pairs = new Int32Array(n);
  for (let i = 0; i <= n; i++) bounds[i] = i;
  for (let i = 0; i < n - 1; i++) pairs[i] = pairRank(bytes, ranks, i, i + 2);
  let parts = n;
  while (parts > 1) {
    let best = NONE;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      const rank = pairs[i] ?? NONE;
      if (rank < best) {
        best = rank;
        at = i;
      }
    }
    if (at < 0) break;
    parts--;
    bounds.copyWithin(at + 1, at + 2, parts + 2);
    pairs.copyWithin(at + 1, at + 2, parts);
    pairs[at] = at + 1 < parts ? pairRank(bytes, ranks, bounds[at] ?? 0, bounds[at + 2] ?? 0) : NONE;
    if (at > 0) pairs[at - 1] = pairRank(bytes, ranks, bounds[at - 1] ?? 0, bounds[at + 1] ?? 0);
  }
  const tokens: number[] = [];
  for (let i = 0; i < parts; i++) tokens.push(tokenRank(bytes, ranks, bounds[i] ?? 0, bounds[i + 1] ?? 0));
  return tokens;
}

/** The rank of a part the merge produced; every part is a token, so a miss is a broken rank table. */
export function tokenRank(bytes: string, ranks: RankTable, start: number, end: number): number {
  const rank = ranks.get(bytes.slice(start, end));
  if (rank === undefined) throw new Error(`no rank for bytes ${start}..${end} of a piece`);
  return rank;
}
