import { fromCharCodes } from './byte-string';

/** Token ranks keyed by byte string (one latin1 char per byte), as the BPE reads them. */
export type RankTable = ReadonlyMap<string, number>;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) SEXTETS[BASE64.charCodeAt(i)] = i;

/**
 * Parses js-tiktoken's compact `bpe_ranks`: lines of `name offset token token ...` where each token is
 * base64 and takes rank offset + its position on the line.
 */
export function parseRankTable(bpeRanks: string): RankTable {
  const table = new Map<string, number>();
  for (const line of bpeRanks.split('\n')) {
    if (line === '') continue;
    const fields = line.split(' ');
    const offset = Number.parseInt(fields[1] ?? '', 10);
    if (!Number.isInteger(offset)) throw new Error(`malformed rank line: ${line.slice(0, 40)}`);
    for (let i = 2; i < fields.length; i++) {
      table.set(decodeBase64(fields[i] ?? ''), offset + i - 2);
    }
  }
  return table;
}

/** Decodes base64 into a byte string (one latin1 char per byte). */
export function decodeBase64(text: string): string {
  const codes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const sextet = SEXTETS[text.charCodeAt(i)] ?? -1;
    if (sextet < 0) break;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      codes.push((buffer >> bits) & 0xff);
    }
  }
  return fromCharCodes(codes);
}
