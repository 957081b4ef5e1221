import { NO_TOKEN, type TokenTable } from './token-table';

/**
 * Byte-pair merge by rescanning every pair after each merge (tiktoken's own loop): O(n²), yet the fastest
 * for the short pieces that make up almost all text. `parts` holds the rank of each byte and is consumed.
 * The lowest rank merges first; ties go to the leftmost pair.
 */
export function mergeByScan(parts: Int32Array, tokens: TokenTable): number[] {
  let count = parts.length;
  const pairs = new Int32Array(count);
  for (let i = 0; i + 1 < count; i++) pairs[i] = tokens.merge(parts[i] ?? 0, parts[i + 1] ?? 0);
  while (count > 1) {
    let best = NO_TOKEN;
    let at = -1;
    for (let i = 0; i + 1 < count; i++) {
      const rank = pairs[i] ?? NO_TOKEN;
      if (rank < best) {
        best = rank;
        at = i;
      }
    }
    if (at < 0) break;
    parts[at] = best;
    parts.copyWithin(at + 1, at + 2, count);
    pairs.copyWithin(at + 1, at + 2, count - 1);
    count--;
    pairs[at] = at + 1 < count ? tokens.merge(best, parts[at + 1] ?? 0) : NO_TOKEN;
    if (at > 0) pairs[at - 1] = tokens.merge(parts[at - 1] ?? 0, best);
  }
  return Array.from(parts.subarray(0, count));
}
