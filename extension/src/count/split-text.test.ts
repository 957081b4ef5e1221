import { describe, expect, it } from 'vitest';
import { loadEncoding } from '@tokentally/shared/tokens/load-encoding';
import { splitForCounting } from './split-text';

const TRICKY = [
  'Plain prose.\nNext line starts with a letter.\n42 starts with a digit.\n',
  'Punctuation runs!\n/slashes/after/a/newline\n!!\n/\nletters',
  'Spaces before   \n   indented line\n\n\nafter blank lines\r\nwindows line\nend',
  "Contractions it's\n's\nwe'll\n'll\nthey're",
  'CJK 東京\n東京の天気\nemoji 🎉\n🎉 again\nnaïve\nÉcole',
];

async function splitCount(text: string, chunkChars: number, encoding: 'o200k_base' | 'cl100k_base') {
  const encoder = await loadEncoding(encoding);
  const parts = splitForCounting(text, chunkChars);
  return {
    parts: parts.length,
    joined: parts.join('') === text,
    sum: parts.reduce((total, part) => total + encoder.count(part), 0),
    whole: encoder.count(text),
  };
}

describe('splitForCounting', () => {
  it('leaves a short text whole', () => {
    expect(splitForCounting('a\nb\nc', 100)).toEqual(['a\nb\nc']);
  });

  it('cuts after a line feed followed by a letter or digit, once a part is long enough', () => {
    expect(splitForCounting('aaaa\nbbbb\n cccc\n!dddd\neeee', 4)).toEqual([
      'aaaa\n',
      'bbbb\n cccc\n!dddd\n',
      'eeee',
    ]);
  });

  it('keeps a text without a safe cut in one part', () => {
    expect(splitForCounting('x'.repeat(50), 10)).toEqual(['x'.repeat(50)]);
  });

  it.each(['o200k_base', 'cl100k_base'] as const)(
    'gives parts whose %s counts add up to the whole text’s',
    async (encoding) => {
      const result = await splitCount(TRICKY.join('\n').repeat(40), 7, encoding);
      expect(result.parts).toBeGreaterThan(500);
      expect(result.joined).toBe(true);
      expect(result.sum).toBe(result.whole);
    },
  );
});
