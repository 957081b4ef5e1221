import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTracker } from './create-tracker';
import { recordingFetch } from './testing/recording-fetch';
import { startTestDaemon, type TestDaemon } from './testing/test-daemon';
import type { DropReport } from './tracker-types';

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
});
afterAll(() => daemon.close());

const storedFor = async (agent: string) => {
  const page = await createDaemonClient({ baseUrl: daemon.url, fetch }).listEvents({ agent });
  return page.ok ? page.value.events : [];
};

const call = (input_tokens: number) => ({ model: 'gpt-4o-mini', input_tokens, output_tokens: 1 });

describe('createTracker batching', () => {
  it('sends a full batch at once, without waiting for the interval', async () => {
    const watched = recordingFetch();
    const tracker = createTracker({
      agent: 'batcher',
      url: daemon.url,
      fetch: watched.fetch,
      maxBatch: 3,
      flushIntervalMs: 60_000,
    });
    tracker.record(call(1));
    tracker.record(call(2));
    tracker.record(call(3));
    await vi.waitFor(() => {
      expect(tracker.stats().accepted).toBe(3);
    });
    expect(watched.batches).toEqual([3]);
    await tracker.close();
  });

  it('sends a partial batch once flushIntervalMs has passed', async () => {
    const watched = recordingFetch();
    const tracker = createTracker({
      agent: 'waiter',
      url: daemon.url,
      fetch: watched.fetch,
      flushIntervalMs: 50,
    });
    tracker.record(call(1));
    tracker.record(call(2));
    await vi.waitFor(() => {
      expect(tracker.stats().accepted).toBe(2);
    });
    expect(watched.batches).toEqual([2]);
    await tracker.close();
  });

  it('sends what is buffered in batches of at most maxBatch', async () => {
    const watched = recordingFetch();
    const tracker = createTracker({
      agent: 'splitter',
      url: daemon.url,
      fetch: watched.fetch,
      maxBatch: 2,
      flushIntervalMs: 60_000,
    });
    for (const tokens of [1, 2, 3, 4, 5]) tracker.record(call(tokens));
    const stats = await tracker.flush();
    expect(watched.batches).toEqual([2, 2, 1]);
    expect(stats).toMatchObject({ recorded: 5, accepted: 5, pending: 0 });
    await tracker.close();
  });
});

describe('createTracker events', () => {
  it('fills in the agent, project, source, time and a time-ordered id', async () => {
    const tracker = createTracker({ agent: 'labeller', project: 'acme', url: daemon.url });
    const ids = [tracker.record(call(1)), tracker.record({ ...call(2), ts: '2026-01-02T03:04:05Z' })];
    await tracker.close();
    const stored = await storedFor('labeller');
    expect(stored.map((event) => event.id)).toEqual(ids);
    expect(stored).toMatchObject([
      { agent: 'labeller', project: 'acme', source: 'sdk', input_tokens: 1 },
      { agent: 'labeller', project: 'acme', source: 'sdk', ts: '2026-01-02T03:04:05.000Z' },
    ]);
    expect(ids).toEqual([expect.stringMatching(/^[0-9A-Z]{26}$/), expect.stringMatching(/^[0-9A-Z]{26}$/)]);
    expect([...ids].sort()).toEqual(ids);
  });

  it('names a child’s events after its parent, level by level', async () => {
    const tracker = createTracker({ agent: 'main', url: daemon.url });
    const researcher = tracker.child('researcher');
    researcher.record(call(1));
    researcher.child('summarizer').record(call(2));
    tracker.record({ ...call(3), agent: 'explicit' });
    await researcher.close();
    expect(tracker.stats().accepted).toBe(3);
    expect((await storedFor('main')).map((event) => event.agent)).toEqual([
      'main/researcher',
      'main/researcher/summarizer',
    ]);
    expect(researcher.agent).toBe('main/researcher');
    await tracker.close();
  });

  it('drops an invalid event with a report instead of throwing', async () => {
    const reports: DropReport[] = [];
    const tracker = createTracker({
      agent: 'careless',
      url: daemon.url,
      onDrop: (report) => reports.push(report),
    });
    expect(tracker.record({ model: 'gpt-4o', input_tokens: -1 })).toBeUndefined();
    expect(reports).toMatchObject([
      { reason: 'invalid', message: 'input_tokens: expected a non-negative integer' },
    ]);
    expect(tracker.stats().dropped).toEqual({ overflow: 0, invalid: 1, rejected: 0, closed: 0 });
    await tracker.close();
  });

  it('closes when its signal is aborted, dropping later records', async () => {
    const controller = new AbortController();
    const reports: DropReport[] = [];
    const tracker = createTracker({
      agent: 'aborted',
      url: daemon.url,
      signal: controller.signal,
      onDrop: (r) => reports.push(r),
    });
    tracker.record(call(1));
    controller.abort();
    await vi.waitFor(() => {
      expect(tracker.stats().accepted).toBe(1);
    });
    tracker.record(call(2));
    expect(reports).toMatchObject([{ reason: 'closed', message: 'the tracker is closed' }]);
  });
});
