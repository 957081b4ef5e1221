import { describe, expect, it } from 'vitest';
import { countTokens } from '@tokentally/shared/tokens/count-tokens';
import { type CountProgress, countCharacters, countText } from './count-text';

describe('countText', () => {
  it('counts tokens, characters and names the encoding', async () => {
    expect(await countText('hello world', 'gpt-4o')).toEqual({
      model: 'gpt-4o',
      encoding: 'o200k_base',
      exact: true,
      tokens: 2,
      characters: 11,
    });
  });

  it.each(['gpt-4o', 'gpt-4', 'gpt-3.5-turbo', 'o3', 'claude-sonnet-4', 'gemini-2.5-pro'])(
    'agrees with shared’s countTokens for %s, however the text is cut into parts',
    async (model) => {
      const text = 'Some prose, then code:\nconst x = 1;\n東京 🎉\n'.repeat(5000);
      const { tokens, encoding, exact } = await countText(text, model);
      expect(await countTokens({ text }, { model })).toEqual({
        ok: true,
        value: { tokens, encoding, exact },
      });
    },
  );

  it('marks a count for a model without a public tokenizer as an estimate', async () => {
    expect(await countText('hello world', 'claude-sonnet-4')).toMatchObject({
      encoding: 'o200k_base',
      exact: false,
    });
  });

  it('reports progress part by part up to the whole text', async () => {
    const seen: CountProgress[] = [];
    const text = 'line of text\n'.repeat(20_000);
    await countText(text, 'gpt-4o', (progress) => seen.push(progress));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toEqual({ done: 260_000, total: 260_000 });
  });
});

describe('countCharacters', () => {
  it('counts an emoji as one character', () => {
    expect(countCharacters('a🎉é')).toBe(3);
  });
});
