import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64';
import { encodeBase64, syntheticRanks } from './synthetic-vocabulary';
import { NO_TOKEN, TokenTable } from './token-table';

describe('synthetic vocabularies', () => {
  it('round-trip through base64 byte for byte', () => {
    const bytes = ['', 'a', 'ab', 'abc', 'abcd', '\u0000\u00ff\u0080', ' the'];
    expect(bytes.map(encodeBase64)).toEqual(['', 'YQ==', 'YWI=', 'YWJj', 'YWJjZA==', 'AP+A', 'IHRoZQ==']);
    expect(bytes.map((text) => decodeBase64(encodeBase64(text)))).toEqual(bytes);
  });

  it('rank the single bytes first and the given tokens after them', () => {
    const table = new TokenTable(syntheticRanks(['ab', 'abc']));
    expect(table.rankCount).toBe(258);
    expect(table.byteRanks[97]).toBe(97);
    expect(table.merge(97, 98)).toBe(256);
    expect(table.merge(256, 99)).toBe(257);
    expect(table.merge(98, 99)).toBe(NO_TOKEN);
  });
});
