// Test support: a tiny vocabulary in js-tiktoken's rank format, so merge order can be checked on ranks
// chosen to be awkward (a merged pair outranking its parts), which the real vocabularies rarely are.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a byte string (one char 0..255 per byte). */
export function encodeBase64(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk =
      (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
    const kept = Math.min(3, bytes.length - i) + 1;
    for (let k = 0; k < 4; k++) out += k < kept ? ALPHABET.charAt((chunk >> (18 - 6 * k)) & 63) : '=';
  }
  return out;
}

/** A `bpe_ranks` string: the 256 single bytes take ranks 0..255, then `tokens` follow in order. */
export function syntheticRanks(tokens: readonly string[]): string {
  const singles = Array.from({ length: 256 }, (_, byte) => encodeBase64(String.fromCharCode(byte)));
  return ['synthetic', '0', ...singles, ...tokens.map(encodeBase64)].join(' ');
}
