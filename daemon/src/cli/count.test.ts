import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_DAEMON_ENV, runTokentally } from './test-io';

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
const cwd = mkdtempSync(join(tmpdir(), 'tokentally-cli-'));
writeFileSync(join(cwd, 'fox.txt'), text);

// Counting needs no daemon: every test runs with one that is not there.
const env = NO_DAEMON_ENV;

describe('tokentally count', () => {
  it('counts a file with gpt-4o by default and prices it as input', async () => {
    expect(await runTokentally(['count', 'fox.txt'], { env, cwd })).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'tokens      2,001 (exact, o200k_base)',
        'characters  9,000',
        "input cost  $0.005 at gpt-4o's input price ($2.50 per 1M tokens)",
        '',
      ].join('\n'),
    });
  });

  it('reads stdin with - and prints JSON', async () => {
    const result = await runTokentally(['count', '-', '--model', 'gpt-4', '--json'], {
      env,
      stdin: 'hello world',
    });
    expect(JSON.parse(result.stdout)).toEqual({
      tokens: 2,
      characters: 11,
      encoding: 'cl100k_base',
      exact: true,
      model: 'gpt-4',
      input_cost_usd: 0.00006,
    });
  });

  it('estimates a model whose tokenizer is not public', async () => {
    const result = await runTokentally(['count', 'fox.txt', '--model', 'claude-sonnet-4-5'], { env, cwd });
    expect(result.stdout.split('\n')[0]).toBe('tokens      2,001 (estimate, o200k_base)');
  });

  it('says when the model has no known price', async () => {
    const result = await runTokentally(['count', '-', '--model', 'mystery-1'], { env, stdin: 'hi' });
    expect(result.stdout.split('\n')[2]).toBe("input cost  unknown: no price for 'mystery-1'");
  });

  it('exits 1 when the file cannot be read', async () => {
    expect(await runTokentally(['count', 'missing.txt'], { env, cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: `tokentally: cannot read missing.txt: ENOENT: no such file or directory, open '${join(cwd, 'missing.txt')}'\n`,
    });
  });

  it('asks for a file with exit 64', async () => {
    expect((await runTokentally(['count'], { env })).code).toBe(64);
  });
});
