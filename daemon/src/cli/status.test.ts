import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { envFor, NO_DAEMON_ENV, runTokentally, seedEvent } from './test-io';
import { CLI_VERSION } from './version';

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
  await daemon.json('/v1/events', {
    body: [seedEvent(), seedEvent({ model: 'mystery-1' }), seedEvent({ ts: '2025-06-14T10:00:00Z' })],
  });
});
afterAll(async () => {
  await daemon.close();
});

describe('tokentally status', () => {
  it("shows the version, events stored, database and today's spend", async () => {
    const { home, daemon: running } = daemon;
    expect(await runTokentally(['status'], { env: envFor(daemon) })).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `● tokentally daemon ${CLI_VERSION} is running at http://127.0.0.1:${running.port}`,
        '  events stored  3',
        `  database       ${join(home, 'tokentally.db')}`,
        '  spent today    $0.006 (2 requests, 1 unpriced)',
        '',
      ].join('\n'),
    });
  });

  it('prints the same as JSON', async () => {
    const result = await runTokentally(['status', '--json'], { env: envFor(daemon) });
    expect(JSON.parse(result.stdout)).toEqual({
      running: true,
      url: `http://127.0.0.1:${daemon.daemon.port}`,
      version: CLI_VERSION,
      events: 3,
      db_path: join(daemon.home, 'tokentally.db'),
      today: { cost_usd: 0.006, requests: 2, unpriced_requests: 1 },
    });
  });

  it('exits 1 with a clear message when the daemon is down', async () => {
    expect(await runTokentally(['status'], { env: NO_DAEMON_ENV })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "tokentally: the daemon is not running at http://127.0.0.1:1; start it with 'tokentally start'\n",
    });
  });

  it('says it is down in JSON too', async () => {
    const result = await runTokentally(['status', '--json'], { env: NO_DAEMON_ENV });
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      1,
      {
        running: false,
        url: 'http://127.0.0.1:1',
        db_path: join(NO_DAEMON_ENV.TOKENTALLY_HOME ?? '', 'tokentally.db'),
      },
    ]);
  });
});
