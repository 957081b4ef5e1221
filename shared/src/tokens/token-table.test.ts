import { describe, expect, it } from 'vitest';
import { syntheticRanks } from './synthetic-vocabulary';
import { NO_TOKEN, TokenTable } from './token-table';

const table = new TokenTable(syntheticRanks(['he', 'll', 'hell', 'hello', '\u00c3\u00a9', ' w']));
const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('TokenTable', () => {
  it('reads the longest token length and the rank count from the ranks', () => {
    expect(table.maxTokenBytes).toBe(5);
    expect(table.rankCount).toBe(262);
  });

  it('finds an ASCII range of a longer text in place', () => {
    expect(table.rankOfAscii('say hello', 4, 9)).toBe(259);
    expect(table.rankOfAscii('say hello', 4, 8)).toBe(258);
    expect(table.rankOfAscii('say hello', 0, 3)).toBe(NO_TOKEN);
  });

  it('does not read non-ASCII text as bytes', () => {
    // "é" is U+00E9; as a byte it would be 0xE9, a single-byte token, which is not its UTF-8.
    expect(table.rankOfAscii('\u00e9', 0, 1)).toBe(NO_TOKEN);
  });

  it('finds UTF-8 bytes as one token', () => {
    expect(table.rankOfBytes(bytesOf('\u00c3\u00a9'), 2)).toBe(260);
    expect(table.rankOfBytes(bytesOf('hello!'), 5)).toBe(259);
    expect(table.rankOfBytes(bytesOf('hello!'), 6)).toBe(NO_TOKEN);
  });

  it('merges two tokens only when their bytes together are a token', () => {
    expect(table.merge(256, 257)).toBe(258);
    expect(table.merge(258, 111)).toBe(259);
    expect(table.merge(257, 256)).toBe(NO_TOKEN);
    // Longer than any token: refused before any lookup.
    expect(table.merge(259, 259)).toBe(NO_TOKEN);
  });

  it('answers a repeated pair the same from its memo', () => {
    expect([table.merge(256, 257), table.merge(256, 257), table.merge(257, 256)]).toEqual([
      258,
      258,
      NO_TOKEN,
    ]);
  });

  it('refuses rank data without every single byte', () => {
    expect(() => new TokenTable('broken 0 YQ== Yg==')).toThrow('rank table lacks the single byte 0');
  });
});
