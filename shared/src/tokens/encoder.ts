import { toByteString } from './byte-string';
import type { EncodingName } from './encoding-name';
import { mergeByHeap } from './merge-by-heap';
import { mergeByScan } from './merge-by-scan';
import { parseRankTable } from './rank-table';

/** Counts and encodes text with one encoding, token for token as tiktoken does. */
export interface Encoder {
  readonly name: EncodingName;
  /** Number of tokens in `text`; special-token text such as `<|endoftext|>` counts as ordinary text. */
  count(text: string): number;
  /** Token ranks of `text`, with special-token text encoded as ordinary text. */
  encode(text: string): number[];
}

/** What a js-tiktoken rank module holds: the pre-tokenization regex and the compact rank list. */
export interface EncodingData {
  readonly pat_str: string;
  readonly bpe_ranks: string;
}

// Below this many bytes rescanning all pairs beats heap bookkeeping (measured with bench/tokens.ts).
const HEAP_FROM_BYTES = 64;
// Pieces repeat (words, indentation, CJK phrases); long ones rarely do and would only pin memory.
const CACHE_ENTRIES = 50_000;
const CACHE_PIECE_CHARS = 256;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Builds an encoder from rank data; parsing the ranks is the slow part, so keep the result. */
export function createEncoder(name: EncodingName, data: EncodingData): Encoder {
  const ranks = parseRankTable(data.bpe_ranks);
  const pattern = new RegExp(data.pat_str, 'gu');
  let cache = new Map<string, readonly number[]>();

  function tokensOf(piece: string): readonly number[] {
    const cached = cache.get(piece);
    if (cached !== undefined) return cached;
    const bytes = toByteString(piece);
    const rank = ranks.get(bytes);
    const tokens =
      rank !== undefined
        ? [rank]
        : bytes.length < HEAP_FROM_BYTES
          ? mergeByScan(bytes, ranks)
          : mergeByHeap(bytes, ranks);
    if (piece.length <= CACHE_PIECE_CHARS) {
      // Dropping the whole cache when full is cheaper per hit than LRU bookkeeping.
      if (cache.size >= CACHE_ENTRIES) cache = new Map();
      cache.set(piece, tokens);
    }
    return tokens;
  }

  function forEachPiece(text: string, visit: (piece: string) => void): void {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      visit(match[0]);
    }
  }

  return {
    name,
    count(text) {
      let total = 0;
      forEachPiece(text, (piece) => {
        // An ASCII piece is its own byte string; a non-ASCII one must not be looked up as is, because its
        // chars 0x80..0xFF would read as single bytes.
        total += isAscii(piece) && ranks.has(piece) ? 1 : tokensOf(piece).length;
      });
      return total;
    },
    encode(text) {
      const out: number[] = [];
      forEachPiece(text, (piece) => {
        const rank = isAscii(piece) ? ranks.get(piece) : undefined;
        if (rank !== undefined) out.push(rank);
        else for (const token of tokensOf(piece)) out.push(token);
      });
      return out;
    },
  };
}
