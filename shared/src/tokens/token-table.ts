import { decodeBase64 } from './base64';

/** Returned when bytes are no token; above every rank, so a min-scan passes it over. */
export const NO_TOKEN = 0x7fffffff;

// Token bytes are hashed polynomially mod 2^32, so the hash of two tokens side by side follows from theirs:
// H(a + b) = H(a) * BASE^len(b) + H(b). A pair lookup then costs no string, no allocation and one probe.
const BASE = 0x01000193;
const RECENT_SLOTS = 1 << 12;

/**
 * An encoding's tokens in an open-addressing table keyed by that hash. Tokens are kept as byte strings
 * (one char 0..255 per byte) to confirm a hit byte for byte: counts never rest on a hash alone.
 */
export class TokenTable {
  /** Rank of each single byte. */
  readonly byteRanks = new Int32Array(256);
  /** Length in bytes of the longest token: a longer piece cannot be one token. */
  readonly maxTokenBytes: number;
  /** Number of ranks (one past the highest). */
  readonly rankCount: number;
  private readonly bytesOf: string[] = [];
  private readonly hashOf: Int32Array;
  private readonly lengthOf: Uint16Array;
  private readonly powers: Int32Array;
  // Open addressing, [hash, rank] side by side so a probe reads one cache line; rank -1 marks a free slot.
  private readonly slots: Int32Array;
  private readonly mask: number;
  // A small direct-mapped memo of recent pairs: runs and scripts reuse few pairs, and a hit skips the probe
  // and the byte check.
  private readonly recentLeft = new Int32Array(RECENT_SLOTS).fill(-1);
  private readonly recentRight = new Int32Array(RECENT_SLOTS);
  private readonly recentRank = new Int32Array(RECENT_SLOTS);

  /** Parses js-tiktoken's `bpe_ranks`: lines of `name offset token...`, each token base64, ranked from offset. */
  constructor(bpeRanks: string) {
    let maxTokenBytes = 0;
    for (const line of bpeRanks.split('\n')) {
      if (line === '') continue;
      const fields = line.split(' ');
      const offset = Number.parseInt(fields[1] ?? '', 10);
      if (!Number.isInteger(offset)) throw new Error(`malformed rank line: ${line.slice(0, 40)}`);
      for (let i = 2; i < fields.length; i++) {
        const bytes = decodeBase64(fields[i] ?? '');
        this.bytesOf[offset + i - 2] = bytes;
        maxTokenBytes = Math.max(maxTokenBytes, bytes.length);
      }
    }
    this.maxTokenBytes = maxTokenBytes;
    this.rankCount = this.bytesOf.length;
    this.powers = new Int32Array(maxTokenBytes + 1);
    this.powers[0] = 1;
    for (let i = 1; i <= maxTokenBytes; i++) this.powers[i] = Math.imul(this.powers[i - 1] ?? 0, BASE);
    let slots = 1024;
    while (slots < this.rankCount * 2) slots *= 2;
    this.mask = slots - 1;
    this.slots = new Int32Array(2 * slots).fill(-1);
    this.hashOf = new Int32Array(this.rankCount);
    this.lengthOf = new Uint16Array(this.rankCount);
    this.bytesOf.forEach((bytes, rank) => {
      let hash = 0;
      for (let i = 0; i < bytes.length; i++) hash = (Math.imul(hash, BASE) + bytes.charCodeAt(i)) | 0;
      this.hashOf[rank] = hash;
      this.lengthOf[rank] = bytes.length;
      let slot = spread(hash) & this.mask;
      while ((this.slots[2 * slot + 1] ?? -1) !== -1) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = rank;
    });
    const single = new Uint8Array(1);
    for (let byte = 0; byte < 256; byte++) {
      single[0] = byte;
      const rank = this.rankOfBytes(single, 1);
      if (rank === NO_TOKEN) throw new Error(`rank table lacks the single byte ${byte}`);
      this.byteRanks[byte] = rank;
    }
  }

  /** Rank of the token whose bytes are `left`'s followed by `right`'s, or NO_TOKEN. */
  merge(left: number, right: number): number {
    const recent = (Math.imul(left, 0x9e3779b1) ^ right) & (RECENT_SLOTS - 1);
    if (this.recentLeft[recent] === left && this.recentRight[recent] === right)
      return this.recentRank[recent] ?? NO_TOKEN;
    const rank = this.lookUpPair(left, right);
    this.recentLeft[recent] = left;
    this.recentRight[recent] = right;
    this.recentRank[recent] = rank;
    return rank;
  }

  private lookUpPair(left: number, right: number): number {
    const leftLength = this.lengthOf[left] ?? 0;
    const rightLength = this.lengthOf[right] ?? 0;
    const length = leftLength + rightLength;
    if (length > this.maxTokenBytes) return NO_TOKEN;
    const hash =
      (Math.imul(this.hashOf[left] ?? 0, this.powers[rightLength] ?? 0) + (this.hashOf[right] ?? 0)) | 0;
    for (let slot = spread(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const rank = this.slots[2 * slot + 1] ?? -1;
      if (rank === -1) return NO_TOKEN;
      if (this.slots[2 * slot] !== hash || this.lengthOf[rank] !== length) continue;
      const bytes = this.bytesOf[rank] ?? '';
      if (bytes.startsWith(this.bytesOf[left] ?? '') && bytes.endsWith(this.bytesOf[right] ?? ''))
        return rank;
    }
  }

  /**
   * Rank of `text.slice(start, end)` as one token when that is ASCII (its own UTF-8), else NO_TOKEN; reads
   * the text in place so the common case allocates nothing.
   */
  rankOfAscii(text: string, start: number, end: number): number {
    const length = end - start;
    if (length > this.maxTokenBytes) return NO_TOKEN;
    let hash = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) return NO_TOKEN;
      hash = (Math.imul(hash, BASE) + code) | 0;
    }
    for (let slot = spread(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const rank = this.slots[2 * slot + 1] ?? -1;
      if (rank === -1) return NO_TOKEN;
      if (
        this.slots[2 * slot] === hash &&
        this.lengthOf[rank] === length &&
        sameText(this.bytesOf[rank] ?? '', text, start)
      ) {
        return rank;
      }
    }
  }

  /** Rank of the first `length` bytes of `bytes` as one token, or NO_TOKEN. */
  rankOfBytes(bytes: Uint8Array, length: number): number {
    if (length > this.maxTokenBytes) return NO_TOKEN;
    let hash = 0;
    for (let i = 0; i < length; i++) hash = (Math.imul(hash, BASE) + (bytes[i] ?? 0)) | 0;
    for (let slot = spread(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const rank = this.slots[2 * slot + 1] ?? -1;
      if (rank === -1) return NO_TOKEN;
      if (
        this.slots[2 * slot] === hash &&
        this.lengthOf[rank] === length &&
        sameBytes(this.bytesOf[rank] ?? '', bytes)
      ) {
        return rank;
      }
    }
  }
}

// Polynomial hashes keep little entropy in their low bits; mix before masking.
function spread(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return mixed ^ (mixed >>> 16);
}

function sameBytes(expected: string, bytes: Uint8Array): boolean {
  for (let i = 0; i < expected.length; i++) if (expected.charCodeAt(i) !== bytes[i]) return false;
  return true;
}

function sameText(expected: string, text: string, start: number): boolean {
  for (let i = 0; i < expected.length; i++)
    if (expected.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
