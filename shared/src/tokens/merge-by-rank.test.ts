import { describe, expect, it } from 'vitest';
import { RankMerger } from './merge-by-rank';
import { mergeByScan } from './merge-by-scan';
import { syntheticRanks } from './synthetic-vocabulary';
import { TokenTable } from './token-table';

const byteParts = (text: string): Int32Array => Int32Array.from(text, (char) => char.charCodeAt(0));

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every string of 2 to 4 letters over "abcd", ranked in a random order: merged pairs often outrank their parts.
function shuffledVocabulary(random: () => number): string[] {
  let words = ['a', 'b', 'c', 'd'];
  const all: string[] = [];
  for (let length = 2; length <= 4; length++) {
    words = words.flatMap((word) => ['a', 'b', 'c', 'd'].map((letter) => word + letter));
    all.push(...words);
  }
  return all
    .map((word) => ({ word, key: random() }))
    .sort((x, y) => x.key - y.key)
    .map(({ word }) => word);
}

describe('RankMerger', () => {
  it('finishes a lower rank that a merge creates before the rest of the current rank', () => {
    // "bc" (257) merges first; each merge makes "a"+"bc", which is "abc" (256), outranking "bc" itself.
    const table = new TokenTable(syntheticRanks(['abc', 'bc', 'ab']));
    const tokens = new RankMerger(table).merge(byteParts('abc'.repeat(40)));
    expect(tokens).toEqual(Array.from({ length: 40 }, () => 256));
  });

  it('breaks ties between equal pairs leftmost first', () => {
    const table = new TokenTable(syntheticRanks(['aa']));
    expect(new RankMerger(table).merge(byteParts('aaaaa'))).toEqual([256, 256, 97]);
  });

  it('keeps a long run of one letter in step with the scan', () => {
    const table = new TokenTable(syntheticRanks(['aa', 'aaaa', 'aaa', 'aaaaaaaa']));
    const text = 'a'.repeat(1001);
    expect(new RankMerger(table).merge(byteParts(text))).toEqual(mergeByScan(byteParts(text), table));
  });

  it('merges exactly as the scan does on random text over a shuffled vocabulary', () => {
    const random = seededRandom(42);
    const table = new TokenTable(syntheticRanks(shuffledVocabulary(random)));
    const merger = new RankMerger(table);
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 300) }, () =>
        'abcd'.charAt(Math.floor(random() * 4)),
      ).join(''),
    );
    expect(texts.map((text) => merger.merge(byteParts(text)))).toEqual(
      texts.map((text) => mergeByScan(byteParts(text), table)),
    );
  });

  it('is reusable: one piece leaves nothing behind for the next', () => {
    const table = new TokenTable(syntheticRanks(['ab', 'abab']));
    const merger = new RankMerger(table);
    expect([merger.merge(byteParts('ababab')), merger.merge(byteParts('abab'))]).toEqual([[257, 256], [257]]);
  });
});

describe('mergeByScan', () => {
  it('merges the lowest rank first', () => {
    const table = new TokenTable(syntheticRanks(['bc', 'ab', 'abc']));
    // "bc" (256) beats "ab" (257); then "a"+"bc" is "abc" (258).
    expect(mergeByScan(byteParts('abc'), table)).toEqual([258]);
  });

  it('leaves bytes that form no token as single-byte tokens', () => {
    const table = new TokenTable(syntheticRanks(['ab']));
    expect(mergeByScan(byteParts('xaby'), table)).toEqual([120, 256, 121]);
  });
});
