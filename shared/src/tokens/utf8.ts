/**
 * Writes the UTF-8 bytes of `text` into `into` (which must hold 3 bytes per UTF-16 unit) and returns their
 * number. A lone surrogate becomes U+FFFD, as TextEncoder (and so tiktoken) encodes it.
 */
export function encodeUtf8(text: string, into: Uint8Array): number {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      into[at++] = code;
    } else if (code < 0x800) {
      into[at++] = 0xc0 | (code >> 6);
      into[at++] = 0x80 | (code & 0x3f);
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const low = text.charCodeAt(i + 1);
        if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        } else {
          code = 0xfffd;
        }
      }
      if (code > 0xffff) into[at++] = 0xf0 | (code >> 18);
      if (code > 0xffff) into[at++] = 0x80 | ((code >> 12) & 0x3f);
      else into[at++] = 0xe0 | (code >> 12);
      into[at++] = 0x80 | ((code >> 6) & 0x3f);
      into[at++] = 0x80 | (code & 0x3f);
    }
  }
  return at;
}
