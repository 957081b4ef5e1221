import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTokentally } from './test-io';

const freshHome = (): string => join(mkdtempSync(join(tmpdir(), 'tokentally-cli-')), 'home');

describe('tokentally token', () => {
  it('creates the token file with mode 0600 and prints the token', async () => {
    const home = freshHome();
    const result = await runTokentally(['token'], { env: { TOKENTALLY_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readFileSync(join(home, 'token'), 'utf8')).toBe(result.stdout);
    expect(statSync(join(home, 'token')).mode & 0o777).toBe(0o600);
  });

  it('prints the same token every time', async () => {
    const env = { TOKENTALLY_HOME: freshHome() };
    const first = await runTokentally(['token'], { env });
    expect(await runTokentally(['token'], { env })).toEqual(first);
  });

  it('prints the token and its file with --json', async () => {
    const home = freshHome();
    const result = await runTokentally(['token', '--json'], { env: { TOKENTALLY_HOME: home } });
    expect(JSON.parse(result.stdout)).toEqual({
      token: readFileSync(join(home, 'token'), 'utf8').trim(),
      path: join(home, 'token'),
    });
  });

  it('takes a relative TOKENTALLY_HOME from the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tokentally-cli-'));
    await runTokentally(['token'], { env: { TOKENTALLY_HOME: 'rel' }, cwd });
    expect(statSync(join(cwd, 'rel', 'token')).isFile()).toBe(true);
  });
});
