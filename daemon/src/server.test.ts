import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventPageSchema } from '@tokentally/shared/api/ingest';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { DaemonStartError, type RunningDaemon, startDaemon } from './server';
import { fakeUsageEvents, fakeWireEvents } from './test-support/fake-event';
import { tempHome } from './test-support/temp-daemon';

const running: RunningDaemon[] = [];
const start = async (home: string, port = 0): Promise<RunningDaemon> => {
  const daemon = await startDaemon({ home, port });
  running.push(daemon);
  return daemon;
};
afterEach(async () => {
  await Promise.all(running.splice(0).map((daemon) => daemon.close()));
});

const startError = (promise: Promise<unknown>): Promise<{ code: string }> =>
  promise.then(
    () => ({ code: 'started' }),
    (error: unknown) => ({ code: error instanceof DaemonStartError ? error.code : String(error) }),
  );

const post = (daemon: RunningDaemon, body: unknown): Promise<Response> =>
  fetch(`${daemon.url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('startDaemon', () => {
  it('creates the database, token and lock in the home and serves on a random port', async () => {
    const home = tempHome();
    const daemon = await start(home);
    expect(daemon.url).toBe(`http://127.0.0.1:${daemon.port}`);
    expect(daemon.dbPath).toBe(join(home, 'tokentally.db'));
    expect([
      existsSync(daemon.dbPath),
      existsSync(join(home, 'token')),
      existsSync(join(home, 'daemon.pid')),
    ]).toEqual([true, true, true]);
  });

  it('refuses a second daemon on the same home with already_running', async () => {
    const home = tempHome();
    await start(home);
    expect(await startError(startDaemon({ home, port: 0 }))).toEqual({ code: 'already_running' });
  });

  it('refuses a port in use with port_in_use', async () => {
    const first = await start(tempHome());
    expect(await startError(startDaemon({ home: tempHome(), port: first.port }))).toEqual({
      code: 'port_in_use',
    });
  });

  it('refuses a home it cannot use with home_unusable', async () => {
    const file = join(tempHome(), 'not-a-directory');
    writeFileSync(file, 'x');
    const corrupt = tempHome();
    writeFileSync(join(corrupt, 'tokentally.db'), 'this is not a database'.repeat(100));
    const badConfig = tempHome({ require_token: 'yes' });
    const errors = await Promise.all(
      [file, corrupt, badConfig].map((home) => startError(startDaemon({ home, port: 0 }))),
    );
    expect(errors).toEqual([{ code: 'home_unusable' }, { code: 'home_unusable' }, { code: 'home_unusable' }]);
  });

  it('takes over the lock left by a dead daemon', async () => {
    const home = tempHome();
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'daemon.pid'), JSON.stringify({ pid: 999_999_999, port: 1 }));
    const daemon = await start(home);
    expect(daemon.port).toBeGreaterThan(0);
  });

  it('keeps events across a restart and goes on with the next seq', async () => {
    const home = tempHome();
    const first = await startDaemon({ home, port: 0 });
    await post(first, fakeWireEvents(3));
    await first.close();
    const second = await start(home);
    const answer = await (await post(second, fakeWireEvents(1))).json();
    expect(answer).toEqual({ accepted: 1, duplicates: 0, first_seq: 4, last_seq: 4 });
  });

  it('answers requests in flight when closed, and they are stored', async () => {
    const home = tempHome();
    const daemon = await startDaemon({ home, port: 0 });
    const posts = Array.from({ length: 20 }, () => post(daemon, fakeWireEvents(10)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = daemon.close();
    const statuses = await Promise.all(
      posts.map((p) =>
        p.then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    await closing;
    const reopened = await start(home);
    const page = eventPageSchema.parse(await (await fetch(`${reopened.url}/v1/events?limit=5000`)).json());
    expect(page.events.length).toBe(statuses.filter((status) => status === 200).length * 10);
  });

  it('checkpoints and truncates the WAL on close', async () => {
    const home = tempHome();
    const daemon = await startDaemon({ home, port: 0 });
    await post(daemon, fakeWireEvents(200));
    await daemon.close();
    expect(statSync(`${daemon.dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
  });

  it('closes when its signal is aborted', async () => {
    const controller = new AbortController();
    const home = tempHome();
    await startDaemon({ home, port: 0, signal: controller.signal });
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await start(home);
    expect(again.port).toBeGreaterThan(0);
  });

  it('lets internal producers ingest and subscribe through the store', async () => {
    const daemon = await start(tempHome());
    const seen: StoredEvent[] = [];
    daemon.store.subscribe((events) => seen.push(...events));
    const result = await daemon.store.ingest(fakeUsageEvents(2));
    expect(result).toEqual({ accepted: 2, duplicates: 0, first_seq: 1, last_seq: 2 });
    expect(seen.map((event) => event.seq)).toEqual([1, 2]);
  });
});
