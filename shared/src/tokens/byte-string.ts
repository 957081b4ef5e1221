// Token ranks are keyed by "byte strings": one char per UTF-8 byte (latin1), so an ASCII piece is its own
// key and a rank lookup needs no byte array, no join and no encoder.

/** The UTF-8 bytes of `text` as a string of chars 0..255; ASCII text is returned as is. */
export function toByteString(text: string): string {
  const length = text.length;
  let i = 0;
  while (i < length && text.charCodeAt(i) < 0x80) i++;
  if (i === length) return text;
  const bytes: number[] = [];
  for (let j = 0; j < i; j++) bytes.push(text.charCodeAt(j));
  for (; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes.push(code);
    } else if (code < 0x800) {
      bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else {
      if (code >= 0xd800 && code <= 0xdfff) code = combineSurrogates(text, i);
      if (code > 0xffff) {
        i++;
        bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
      } else {
        bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
      }
    }
  }
  return fromCharCodes(bytes);
}

// A lone surrogate becomes U+FFFD, as TextEncoder (and so tiktoken) encodes it.
function combineSurrogates(text: string, i: number): number {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  if (high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  return 0xfffd;
}

const CHUNK = 8192;

/** A string with one char per code in `codes`, built in chunks so long pieces do not overflow the stack. */
export function fromCharCodes(codes: readonly number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  let out = '';
  for (let start = 0; start < codes.length; start += CHUNK) {
    out += String.fromCharCode(...codes.slice(start, start + CHUNK));
  }
  return out;
}
