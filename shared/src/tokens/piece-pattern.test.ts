import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { nonCapturing, PieceSplitter } from './piece-pattern';

const pieces = (splitter: PieceSplitter, text: string): string[] => {
  const out: string[] = [];
  splitter.forEach(text, (start, end) => out.push(text.slice(start, end)));
  return out;
};

describe('PieceSplitter', () => {
  it("splits text as tiktoken's o200k pattern does", () => {
    const splitter = new PieceSplitter(o200k.pat_str);
    expect(pieces(splitter, "Hello, world! It's 12345 CamelCase  \n\n  x")).toEqual([
      'Hello',
      ',',
      ' world',
      '!',
      " It's",
      ' ',
      '123',
      '45',
      ' Camel',
      'Case',
      '  \n\n',
      ' ',
      ' x',
    ]);
  });

  it('steps over text the pattern leaves unmatched', () => {
    expect(pieces(new PieceSplitter('[a-z]+'), 'ab12cd!')).toEqual(['ab', 'cd']);
  });

  it('gives no pieces for empty text', () => {
    expect(pieces(new PieceSplitter(o200k.pat_str), '')).toEqual([]);
  });
});

describe('nonCapturing', () => {
  it('turns capturing groups into non-capturing ones and leaves the rest alone', () => {
    expect(nonCapturing("('s|'t)|[(]\\(x(?=y)(?:z)")).toBe("(?:'s|'t)|[(]\\(x(?=y)(?:z)");
  });
});
