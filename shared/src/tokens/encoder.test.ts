import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEncoder, type Encoder } from './encoder';
import { loadEncoding } from './load-encoding';

// js-tiktoken is the reference: every text must give its tokens, rank for rank. Sizes stay small enough for
// its quadratic merge (2 KB runs).

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Code points from every plane tiktoken's regex treats differently, lone surrogates included.
function randomUnicode(random: () => number, length: number): string {
  const ranges: [number, number][] = [
    [0x20, 0x7f],
    [0x09, 0x0e],
    [0x80, 0x800],
    [0x0300, 0x0370],
    [0x3040, 0x30ff],
    [0x4e00, 0x9fff],
    [0xac00, 0xd7a4],
    [0xd800, 0xe000],
    [0x1f300, 0x1fa00],
    [0x10000, 0x110000],
  ];
  let text = '';
  for (let i = 0; i < length; i++) {
    const [low, high] = ranges[Math.floor(random() * ranges.length)] ?? [0x20, 0x7f];
    const code = low + Math.floor(random() * (high - low));
    text += code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
  }
  return text;
}

const random = seededRandom(20240501);
const randomTexts = Array.from({ length: 300 }, () => randomUnicode(random, Math.floor(random() * 60)));
const letters = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet.charAt(Math.floor(random() * alphabet.length))).join('');

const SAMPLES: Record<string, string> = {
  English:
    "The quick brown fox doesn't jump; it's resting. THEY'RE sure we'll see 3 foxes, 1,234,567 hens and the U.S.A.",
  code: 'export function add(a: number, b: number): number {\n\treturn a + b; // sum\n}\n\nconst x = add(1, 22)?.toFixed(2) ?? "0";\n',
  CJK: '東京は日本の首都です。こんにちは、世界！한국어 텍스트도 있습니다。中文字符没有空格也能分词',
  emoji: 'Ship it 🚀🚀 👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵🇫🇷 👍🏽 1️⃣ ❤️ 🧑🏿‍🔬',
  whitespace:
    '  leading\n\n\n    indented\t\ttabs   \r\n\r\n trailing     \n \n\t \u3000ideographic\u00a0nbsp',
  mixed: 'naïve café — «quotes» “smart” …\nΑλφάβητο Кириллица עברית العربية हिन्दी ไทย\u0301\u200d',
  'special-token text': 'before <|endoftext|> and <|endofprompt|> after',
  'lone surrogates': 'a\ud800b\udc00c\ud83d',
  digits: '3.14159265358979 0x1F 1e-9 ١٢٣ 12345678901234567890',
  empty: '',
};

const LONG_RUNS: Record<string, string> = {
  'one letter': 'a'.repeat(2000),
  'random lowercase letters': letters('abcdefghijklmnopqrstuvwxyz', 2000),
  'random mixed-case letters': letters('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 2000),
  'CJK without spaces': letters('的一是在不了有和人这中大为上个国我以要他时来用们生到作', 700),
  'one space run': ' '.repeat(2000),
  'digits and punctuation': letters('0123456789.,;:!?-', 2000),
};

describe.each([
  ['o200k_base', o200k],
  ['cl100k_base', cl100k],
] as const)('%s encoder', (name, data) => {
  let ours: Encoder;
  let reference: Tiktoken;
  beforeAll(() => {
    ours = createEncoder(name, data);
    reference = new Tiktoken(data);
  }, 60_000);
  const expected = (text: string): number[] => reference.encode(text, [], []);
  const expectSameAsReference = (text: string): void => {
    const tokens = expected(text);
    expect(ours.encode(text)).toEqual(tokens);
    expect(ours.count(text)).toBe(tokens.length);
  };

  it.each(Object.entries(SAMPLES))('encodes %s as js-tiktoken does', (_, text) => {
    expectSameAsReference(text);
  });

  // js-tiktoken needs seconds for these on a busy machine.
  it.each(Object.entries(LONG_RUNS))(
    'encodes a 2 KB %s as js-tiktoken does',
    { timeout: 30_000 },
    (_, text) => {
      expectSameAsReference(text);
    },
  );

  it('encodes 300 random Unicode strings as js-tiktoken does', () => {
    const tokens = randomTexts.map(expected);
    expect(randomTexts.map((text) => ours.encode(text))).toEqual(tokens);
    expect(randomTexts.map((text) => ours.count(text))).toEqual(tokens.map((list) => list.length));
  });

  it('gives the same tokens again once pieces are cached', () => {
    const text = `${SAMPLES.English ?? ''} ${SAMPLES.CJK ?? ''}`;
    const tokens = expected(text);
    expect([ours.encode(text), ours.encode(text)]).toEqual([tokens, tokens]);
  });
});

describe('an encoder on a known text', () => {
  const both = async (text: string): Promise<number[]> =>
    (await Promise.all([loadEncoding('o200k_base'), loadEncoding('cl100k_base')])).map((encoder) =>
      encoder.count(text),
    );

  it('counts "hello world" as 2 tokens in both encodings', async () => {
    expect(await both('hello world')).toEqual([2, 2]);
  });

  it('counts Japanese in fewer o200k tokens than cl100k tokens', async () => {
    expect(await both('こんにちは、世界！')).toEqual([4, 6]);
  });
});
