import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createTracker } from './create-tracker';
import { recordingFetch } from './testing/recording-fetch';
import { freePort, startTestDaemon, type TestDaemon } from './testing/test-daemon';
import type { DropReport } from './tracker-types';

const call = (input_tokens: number) => ({ model: 'gpt-4o-mini', input_tokens, output_tokens: 1 });

const running: TestDaemon[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((daemon) => daemon.close()));
});
const startOn = async (port: number): Promise<TestDaemon> => {
  const daemon = await startTestDaemon({ port });
  running.push(daemon);
  return daemon;
};
const stored = async (daemon: TestDaemon) => {
  const page = await createDaemonClient({ baseUrl: daemon.url, fetch }).listEvents();
  return page.ok ? page.value.events : [];
};

describe('a tracker while the daemon is down', () => {
  it('keeps the events and delivers them with the same ids once the daemon starts', async () => {
    const port = await freePort();
    const tracker = createTracker({
      agent: 'patient',
      url: `http://127.0.0.1:${port}`,
      flushIntervalMs: 60_000,
    });
    const ids = [tracker.record(call(1)), tracker.record(call(2)), tracker.record(call(3))];
    expect(await tracker.flush()).toMatchObject({
      accepted: 0,
      pending: 3,
      retries: 1,
      lastError: `unreachable: cannot reach the daemon at http://127.0.0.1:${port}: fetch failed`,
    });
    const daemon = await startOn(port);
    expect(await tracker.flush()).toMatchObject({ accepted: 3, pending: 0, lastError: undefined });
    expect((await stored(daemon)).map((event) => event.id)).toEqual(ids);
    await tracker.close();
  });

  it('counts events re-sent after their answer was lost once', async () => {
    const daemon = await startOn(0);
    const watched = recordingFetch({ loseAnswers: 1 });
    const tracker = createTracker({
      agent: 'resender',
      url: daemon.url,
      fetch: watched.fetch,
      flushIntervalMs: 60_000,
    });
    for (const tokens of [1, 2, 3]) tracker.record(call(tokens));
    expect(await tracker.flush()).toMatchObject({ accepted: 0, pending: 3, retries: 1 });
    expect(await tracker.flush()).toMatchObject({ accepted: 0, duplicates: 3, pending: 0 });
    expect(watched.batches).toEqual([3, 3]);
    expect(await stored(daemon)).toHaveLength(3);
    await tracker.close();
  });

  it('drops the oldest events once the buffer is full, and reports them', async () => {
    const port = await freePort();
    const reports: DropReport[] = [];
    const tracker = createTracker({
      agent: 'bounded',
      url: `http://127.0.0.1:${port}`,
      maxBuffer: 3,
      onDrop: (report) => reports.push(report),
    });
    const ids = [1, 2, 3, 4, 5].map((tokens) => tracker.record(call(tokens)));
    expect(reports.map(({ reason, events }) => ({ reason, ids: events.map((event) => event.id) }))).toEqual([
      { reason: 'overflow', ids: [ids[0]] },
      { reason: 'overflow', ids: [ids[1]] },
    ]);
    expect(tracker.stats()).toMatchObject({ recorded: 5, pending: 3, dropped: { overflow: 2 } });
    const daemon = await startOn(port);
    await tracker.flush();
    expect((await stored(daemon)).map((event) => event.input_tokens)).toEqual([3, 4, 5]);
    await tracker.close();
  });

  it('reports what it could not send as dropped when closed', async () => {
    const port = await freePort();
    const reports: DropReport[] = [];
    const tracker = createTracker({
      agent: 'closing',
      url: `http://127.0.0.1:${port}`,
      onDrop: (r) => reports.push(r),
    });
    tracker.record(call(1));
    tracker.record(call(2));
    expect(await tracker.close()).toMatchObject({ pending: 0, dropped: { closed: 2 } });
    expect(reports).toMatchObject([
      {
        reason: 'closed',
        message: `not sent before close: unreachable: cannot reach the daemon at http://127.0.0.1:${port}: fetch failed`,
      },
    ]);
    expect(reports[0]?.events).toHaveLength(2);
  });
});
