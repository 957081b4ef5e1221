import type { EncodingName } from './encoding-name';
import { RankMerger } from './merge-by-rank';
import { mergeByScan } from './merge-by-scan';
import { PieceSplitter } from './piece-pattern';
import { NO_TOKEN, TokenTable } from './token-table';
import { encodeUtf8 } from './utf8';

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

// Below this many bytes rescanning all pairs beats bucket bookkeeping (measured with bench/tokens.ts).
const RANK_BUCKETS_FROM_BYTES = 64;
// Pieces repeat (words, indentation, CJK phrases); long ones rarely do and would only pin memory.
const CACHE_ENTRIES = 50_000;
const CACHE_PIECE_CHARS = 256;

/** Builds an encoder from rank data; parsing the ranks is the slow part, so keep the result. */
export function createEncoder(name: EncodingName, data: EncodingData): Encoder {
  const table = new TokenTable(data.bpe_ranks);
  const longMerger = new RankMerger(table);
  const splitter = new PieceSplitter(data.pat_str);
  let bytes = new Uint8Array(1024);
  let cache = new Map<string, readonly number[]>();

  function mergePiece(piece: string): readonly number[] {
    if (bytes.length < 3 * piece.length) bytes = new Uint8Array(3 * piece.length);
    const length = encodeUtf8(piece, bytes);
    // tiktoken takes a piece that is itself a token as is, even where merging would split it otherwise.
    const whole = table.rankOfBytes(bytes, length);
    if (whole !== NO_TOKEN) return [whole];
    const parts = new Int32Array(length);
    for (let i = 0; i < length; i++) parts[i] = table.byteRanks[bytes[i] ?? 0] ?? 0;
    return length < RANK_BUCKETS_FROM_BYTES ? mergeByScan(parts, table) : longMerger.merge(parts);
  }

  function tokensOf(piece: string): readonly number[] {
    const cached = cache.get(piece);
    if (cached !== undefined) return cached;
    const tokens = mergePiece(piece);
    if (piece.length <= CACHE_PIECE_CHARS) {
      // Dropping the whole cache when full is cheaper per hit than LRU bookkeeping.
      if (cache.size >= CACHE_ENTRIES) cache = new Map();
      cache.set(piece, tokens);
    }
    return tokens;
  }

  return {
    name,
    count(text) {
      let total = 0;
      splitter.forEach(text, (start, end) => {
        total +=
          table.rankOfAscii(text, start, end) !== NO_TOKEN ? 1 : tokensOf(text.slice(start, end)).length;
      });
      return total;
    },
    encode(text) {
      const out: number[] = [];
      splitter.forEach(text, (start, end) => {
        const rank = table.rankOfAscii(text, start, end);
        if (rank !== NO_TOKEN) out.push(rank);
        else for (const token of tokensOf(text.slice(start, end))) out.push(token);
      });
      return out;
    },
  };
}
