import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './utf8';

const utf8 = (text: string): number[] => {
  const bytes = new Uint8Array(text.length * 3);
  return Array.from(bytes.subarray(0, encodeUtf8(text, bytes)));
};

describe('encodeUtf8', () => {
  it('writes one to four bytes per code point', () => {
    expect(utf8('a')).toEqual([0x61]);
    expect(utf8('é')).toEqual([0xc3, 0xa9]);
    expect(utf8('世')).toEqual([0xe4, 0xb8, 0x96]);
    expect(utf8('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(utf8('\ud800x\udc00')).toEqual([0xef, 0xbf, 0xbd, 0x78, 0xef, 0xbf, 0xbd]);
  });

  it('fits in three bytes per UTF-16 unit, the size callers reserve', () => {
    expect(utf8('\uffff😀\u0800').length).toBe(10);
  });
});
