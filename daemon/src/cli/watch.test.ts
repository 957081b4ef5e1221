import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { COMMANDS } from './commands';
import { runCli } from './run';
import { envFor, NO_DAEMON_ENV, runTokentally, seedEvent, testIo, until } from './test-io';

let daemon: TestDaemon;
beforeEach(async () => {
  daemon = await startTestDaemon();
});
afterEach(async () => {
  await daemon.close();
});

/** Starts `tokentally watch` in-process and waits until it is connected. */
async function startWatch(argv: string[] = []) {
  const stop = new AbortController();
  const io = testIo(['watch', ...argv], { env: envFor(daemon), signal: stop.signal });
  const exit = runCli(io, COMMANDS);
  await until(() => io.stderr.text().includes('watching'));
  return { io, exit, stop };
}

const event = seedEvent({ ts: '2025-06-15T14:03:07Z', agent: 'main', project: 'web' });

describe('tokentally watch', () => {
  it('prints one line per stored event and exits 0 when stopped', async () => {
    const { io, exit, stop } = await startWatch();
    await daemon.json('/v1/events', {
      body: [event, seedEvent({ model: 'mystery-1', ts: '2025-06-15T14:03:08Z' })],
    });
    await until(() => io.stdout.text().split('\n').length > 2);
    stop.abort();
    expect(await exit).toBe(0);
    expect(io.stdout.text()).toBe(
      [
        '14:03:07  #1  gpt-4o  in 1,200  out 300  cache 0/0  $0.006  main  web',
        '14:03:08  #2  mystery-1  in 1,200  out 300  cache 0/0  unpriced',
        '',
      ].join('\n'),
    );
    expect(io.stderr.text()).toBe(`watching http://127.0.0.1:${daemon.daemon.port} (Ctrl-C to stop)\n`);
  });

  it('replays what was stored after --after first', async () => {
    await daemon.json('/v1/events', { body: [event, seedEvent({ id: 'second' })] });
    const { io, exit, stop } = await startWatch(['--after', '1', '--json']);
    await until(() => io.stdout.text() !== '');
    stop.abort();
    await exit;
    expect(JSON.parse(io.stdout.text())).toMatchObject({ type: 'event', event: { seq: 2, id: 'second' } });
  });

  it('prints a line when a budget changes status', async () => {
    const { io, exit, stop } = await startWatch();
    await daemon.json('/v1/budgets/tiny', { method: 'PUT', body: { period: 'total', limit_usd: 0.001 } });
    await daemon.json('/v1/events', { body: event });
    await until(() => io.stdout.text().includes('budget exceeded'));
    stop.abort();
    await exit;
    expect(io.stdout.text()).toContain('budget exceeded: tiny 600.0% ($0.006 of $0.001)\n');
  });

  it('exits 1 when the daemon goes away', async () => {
    const { io, exit } = await startWatch();
    await daemon.daemon.close();
    expect(await exit).toBe(1);
    expect(io.stderr.text()).toMatch(/tokentally: the stream closed \(1001/);
  });

  it('exits 1 when the daemon is not running', async () => {
    expect(await runTokentally(['watch'], { env: NO_DAEMON_ENV })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "tokentally: the daemon is not running at http://127.0.0.1:1; start it with 'tokentally start'\n",
    });
  });
});
