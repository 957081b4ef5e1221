import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from './read-lines';

async function fileWith(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tt-read-lines-'));
  const path = join(dir, 'log.jsonl');
  await writeFile(path, content);
  return path;
}

async function collect(path: string, options: { from?: number; to?: number; final?: boolean } = {}) {
  const seen: [string, number, boolean][] = [];
  const result = await readLines(path, {
    from: options.from ?? 0,
    ...(options.to === undefined ? {} : { to: options.to }),
    needles: ['"usage"', '"token_count"'],
    final: options.final ?? false,
    onLine: (text, start, terminated) => seen.push([text, start, terminated]),
  });
  return { seen, end: result.end, lines: result.lines };
}

describe('readLines', () => {
  it('hands over only the lines that contain a needle, with their byte offsets, and counts every line', async () => {
    const path = await fileWith('{"a":"é"}\n{"usage":1}\n\n{"b":2}\n{"token_count":3}\n');
    expect(await collect(path)).toEqual({
      seen: [
        ['{"usage":1}', 11, true],
        ['{"token_count":3}', 32, true],
      ],
      end: 50,
      lines: 4,
    });
  });

  it('leaves a last line without its newline for the next read', async () => {
    const path = await fileWith('{"usage":1}\n{"usage":2');
    expect(await collect(path)).toEqual({ seen: [['{"usage":1}', 0, true]], end: 12, lines: 1 });
  });

  it('hands over a cut-off last line in a final read, marked as such', async () => {
    const path = await fileWith('{"usage":1}\n{"usage":2');
    expect((await collect(path, { final: true })).seen).toEqual([
      ['{"usage":1}', 0, true],
      ['{"usage":2', 12, false],
    ]);
  });

  it('reads between two offsets', async () => {
    const path = await fileWith('{"usage":1}\n{"usage":2}\n{"usage":3}\n');
    expect(await collect(path, { from: 12, to: 24 })).toEqual({
      seen: [['{"usage":2}', 12, true]],
      end: 24,
      lines: 1,
    });
  });

  it('reads a line longer than its buffer whole, multi-byte characters intact', async () => {
    const long = `{"usage":"${'ü€'.repeat(1_500_000)}"}`;
    const path = await fileWith(`${long}\n{"usage":0}\n`);
    const { seen } = await collect(path);
    expect(seen.map(([text, start]) => [text.length, start])).toEqual([
      [long.length, 0],
      [11, Buffer.byteLength(long) + 1],
    ]);
    expect(seen[0]?.[0]).toBe(long);
  });
});
