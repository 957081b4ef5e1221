import { describe, expect, it } from 'vitest';
import { loadEncoding } from './load-encoding';

describe('loadEncoding', () => {
  it('loads an encoding once and hands the same encoder to every caller', async () => {
    const [first, second] = await Promise.all([loadEncoding('cl100k_base'), loadEncoding('cl100k_base')]);
    expect(first).toBe(second);
    expect(first.name).toBe('cl100k_base');
  });

  it('keeps each encoding apart', async () => {
    const [o200k, cl100k] = await Promise.all([loadEncoding('o200k_base'), loadEncoding('cl100k_base')]);
    expect([o200k.name, cl100k.name]).toEqual(['o200k_base', 'cl100k_base']);
    expect([o200k.encode('hello world'), cl100k.encode('hello world')]).toEqual([
      [24912, 2375],
      [15339, 1917],
    ]);
  });
});
