import { type ChildProcessByStdio, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { until } from './test-io';

// These tests run the bundled CLI as users do: `node daemon/dist/cli.js`, built once here.
const daemonDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = join(daemonDir, '..');
const cliPath = join(daemonDir, 'dist', 'cli.js');

interface Spawned {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function spawnCli(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => {
    child.on('close', resolve);
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function runCliBinary(args: string[], env: Record<string, string>) {
  const spawned = spawnCli(args, env);
  const code = await spawned.exit;
  return { code, stdout: spawned.stdout(), stderr: spawned.stderr() };
}

/** Starts the daemon through the CLI and waits for its banner; answers the port it picked. */
async function startCliDaemon(home: string): Promise<Spawned & { port: number }> {
  const spawned = spawnCli(['start', '--no-watch'], { TOKENTALLY_HOME: home, TOKENTALLY_PORT: '0' });
  await until(() => spawned.stdout().includes('Press Ctrl-C to stop.'), 15_000);
  return { ...spawned, port: Number(/127\.0\.0\.1:(\d+)/.exec(spawned.stdout())?.[1]) };
}

const freshHome = (): string => mkdtempSync(join(tmpdir(), 'tokentally-cli-'));

beforeAll(() => {
  execFileSync(process.execPath, [join(daemonDir, 'build.mjs')], { stdio: 'inherit' });
}, 60_000);

describe('the built CLI', () => {
  it('starts the daemon with its banner and exits 0 on SIGTERM after closing cleanly', async () => {
    const home = freshHome();
    const daemon = await startCliDaemon(home);
    expect(daemon.stdout()).toContain(
      `listening on http://127.0.0.1:${daemon.port}\n  data directory  ${home}\n`,
    );
    expect(daemon.stdout()).toContain(`pick ${join(repoRoot, 'extension', '.output', 'chrome-mv3')}\n`);
    expect((await fetch(`http://127.0.0.1:${daemon.port}/healthz`)).status).toBe(200);
    daemon.child.kill('SIGTERM');
    expect(await daemon.exit).toBe(0);
    expect(daemon.stderr()).toContain('tokentally: stopped\n');
  });

  it('exits 0 on SIGINT', async () => {
    const daemon = await startCliDaemon(freshHome());
    daemon.child.kill('SIGINT');
    expect(await daemon.exit).toBe(0);
  });

  it('refuses a second start on the same data directory, and a busy port, with exit 1', async () => {
    const home = freshHome();
    const first = await startCliDaemon(home);
    const [sameHome, samePort] = await Promise.all([
      runCliBinary(['start', '--no-watch'], { TOKENTALLY_HOME: home, TOKENTALLY_PORT: '0' }),
      runCliBinary(['start', '--no-watch'], {
        TOKENTALLY_HOME: freshHome(),
        TOKENTALLY_PORT: String(first.port),
      }),
    ]);
    first.child.kill('SIGTERM');
    await first.exit;
    expect(sameHome).toEqual({
      code: 1,
      stdout: '',
      stderr: `tokentally: a daemon is already running for ${home} (pid ${first.child.pid} on port ${first.port}); stop it first or set TOKENTALLY_HOME\n`,
    });
    expect([samePort.code, samePort.stdout]).toEqual([1, '']);
    expect(samePort.stderr).toContain(`tokentally: port ${first.port} is already in use`);
  });

  it('runs as `pnpm tokentally` from the repository root', () => {
    expect(
      execFileSync('pnpm', ['--silent', 'tokentally', 'help'], { cwd: repoRoot, encoding: 'utf8' }),
    ).toMatch(/^Usage: tokentally <command> \[options\]/);
  });
});

describe('budget status exit codes, for CI', () => {
  let daemon: TestDaemon;
  beforeAll(async () => {
    daemon = await startTestDaemon();
  });
  afterAll(async () => {
    await daemon.close();
  });

  it('exits 0 while ok, 1 at a warning, 2 once exceeded', async () => {
    const env = { TOKENTALLY_HOME: daemon.home, TOKENTALLY_PORT: String(daemon.daemon.port) };
    const status = async () => (await runCliBinary(['budget', 'status'], env)).code;
    await daemon.json('/v1/budgets/ci', {
      method: 'PUT',
      body: { period: 'total', limit_usd: 0.01, warn_at: 0.5 },
    });
    const codes = [await status()];
    // Each event costs $0.003 (1,200 gpt-4o input tokens at $2.50 per million).
    const spend = () => daemon.json('/v1/events', { body: { model: 'gpt-4o', input_tokens: 1200 } });
    await spend();
    await spend();
    codes.push(await status());
    await spend();
    await spend();
    codes.push(await status());
    expect(codes).toEqual([0, 1, 2]);
  });
});
