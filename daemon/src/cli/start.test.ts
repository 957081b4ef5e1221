import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';
import { runCli } from './run';
import { runTokentally, testIo, until } from './test-io';
import { CLI_VERSION } from './version';

const freshHome = (): string => mkdtempSync(join(tmpdir(), 'tokentally-cli-'));

/** Runs `tokentally start` in-process until its banner is out. */
async function startInProcess(argv: string[], env: Record<string, string>) {
  const stop = new AbortController();
  const io = testIo(['start', ...argv], { env, signal: stop.signal });
  const exit = runCli(io, COMMANDS);
  await until(() => io.stdout.text().includes('Press Ctrl-C to stop.'));
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(io.stdout.text())?.[1]);
  return { io, exit, stop, port };
}

describe('tokentally start', () => {
  it('prints where it listens, its files and how to load the extension, then stops cleanly with exit 0', async () => {
    const home = freshHome();
    const { io, exit, stop, port } = await startInProcess(['--no-watch'], {
      TOKENTALLY_HOME: home,
      TOKENTALLY_PORT: '0',
    });
    expect(io.stdout.text().split('\n').slice(0, 6)).toEqual([
      `● tokentally ${CLI_VERSION} listening on http://127.0.0.1:${port}`,
      `  data directory  ${home}`,
      `  database        ${join(home, 'tokentally.db')}`,
      `  token file      ${join(home, 'token')}  (print it with \`tokentally token\`)`,
      '  log watching    off (--no-watch)',
      '',
    ]);
    expect(io.stdout.text()).toContain('  1. open chrome://extensions\n');
    expect(io.stdout.text()).toMatch(
      / {2}3\. click "Load unpacked" and pick \/.*\/extension\/\.output\/chrome-mv3\n/,
    );
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    stop.abort();
    expect(await exit).toBe(0);
    expect(io.stderr.text()).toContain('tokentally: stopped\n');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('takes --port over TOKENTALLY_PORT and says when every request needs the token', async () => {
    const { io, exit, stop } = await startInProcess(['--port', '0', '--no-watch', '--require-token'], {
      TOKENTALLY_HOME: freshHome(),
      TOKENTALLY_PORT: 'not-a-port',
    });
    expect(io.stdout.text()).toContain('  token required  for every request (--require-token)\n');
    stop.abort();
    expect(await exit).toBe(0);
  });

  it('refuses a second daemon on the same data directory with exit 1', async () => {
    const home = freshHome();
    const first = await startInProcess(['--no-watch'], { TOKENTALLY_HOME: home, TOKENTALLY_PORT: '0' });
    const second = await runTokentally(['start', '--no-watch'], {
      env: { TOKENTALLY_HOME: home, TOKENTALLY_PORT: '0' },
    });
    first.stop.abort();
    await first.exit;
    expect([second.code, second.stdout]).toEqual([1, '']);
    expect(second.stderr).toBe(
      `tokentally: a daemon is already running for ${home} (pid ${process.pid} on port ${first.port}); stop it first or set TOKENTALLY_HOME\n`,
    );
  });

  it('says the port is in use with exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const result = await runTokentally(['start', '--no-watch'], {
      env: { TOKENTALLY_HOME: freshHome(), TOKENTALLY_PORT: String(port) },
    });
    blocker.close();
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `tokentally: port ${port} is already in use; stop what uses it, or pick another with --port or TOKENTALLY_PORT\n`,
    });
  });

  it('refuses a malformed --port with exit 64', async () => {
    const result = await runTokentally(['start', '--port', '99999'], {
      env: { TOKENTALLY_HOME: freshHome() },
    });
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      64,
      "tokentally start: --port expects a port number from 0 to 65535; got '99999'",
    ]);
  });
});
