import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, type FakeAnswer, type RecordedRequest } from '@tokentally/shared/client/fake-fetch';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { budgetAlertsMeta, budgetStatusMeta, connectionMeta } from '../db/meta';
import { mirrorEvents } from '../db/mirror-events';
import { mirroredEvents, testMirror } from '../db/test-mirror';
import { parseSettings } from '../settings/settings-schema';
import { createDaemonLink, type DaemonLinkOptions } from './daemon-link';
import { fakeWebSockets } from './fake-web-socket';

const okStatus = { status: 'ok', budgets: [] };
const health = (events: number) => ({ status: 200, json: { status: 'ok', version: '0.1.0', events } });
const event = (seq: number) => fakeStoredEvent({ seq, id: `evt-${String(seq)}` });
const settings = (daemon_url: string, token = 'secret', precision = 2) =>
  parseSettings({ daemon_url, token, precision });

// A daemon holding `stored` events: its health, its pages of `GET /v1/events`, and an ok budget status.
const daemonHolding =
  (stored: readonly StoredEvent[], healthEvents = 1000) =>
  (request: RecordedRequest): FakeAnswer => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/healthz')) return health(healthEvents);
    if (!url.pathname.endsWith('/v1/events')) return { status: 200, json: okStatus };
    const after = Number(url.searchParams.get('after'));
    const events = stored
      .filter((stored) => stored.seq > after)
      .slice(0, Number(url.searchParams.get('limit')));
    return { status: 200, json: { events, next_after: events.at(-1)?.seq ?? after } };
  };
const daemon = daemonHolding([]);

function setUp(answer: (request: RecordedRequest) => FakeAnswer = daemon) {
  const db = testMirror();
  const { fetch, requests } = fakeFetch(answer);
  const { WebSocket, sockets } = fakeWebSockets();
  const options: DaemonLinkOptions = {
    db,
    fetch,
    WebSocket,
    batch: { windowMs: 5, maxEvents: 3 },
    backoff: { initialMs: 10, maxMs: 40 },
    budgetRefreshMs: 10,
  };
  return { db, requests, sockets, options };
}

// Points a new link at the usual daemon and waits until it has opened its first stream socket.
async function streamOpened(sockets: ReturnType<typeof setUp>['sockets'], options: DaemonLinkOptions) {
  createDaemonLink(options).configure(settings('http://127.0.0.1:4747'));
  await vi.waitFor(() => {
    expect(sockets).toHaveLength(1);
  });
}

async function seqs(db: ReturnType<typeof testMirror>): Promise<number[]> {
  return (await mirroredEvents(db)).map((stored) => stored.seq);
}

describe('daemon link', () => {
  it('opens the stream after the last mirrored seq, presenting the token', async () => {
    const { db, sockets, options } = setUp();
    await mirrorEvents(db, [event(1), event(2), event(3)]);
    await streamOpened(sockets, options);
    expect(sockets[0]?.url).toBe('ws://127.0.0.1:4747/v1/stream?after=3&token=secret');
  });

  it('replays everything when the daemon holds fewer events than the mirror (its history was reset)', async () => {
    const { db, sockets, options } = setUp(daemonHolding([], 1));
    await mirrorEvents(db, [event(1), event(2), event(3)]);
    await streamOpened(sockets, options);
    expect([sockets[0]?.query.after, await seqs(db)]).toEqual(['0', []]);
  });

  it('mirrors streamed events and budget statuses, and says it is online', async () => {
    const { db, sockets, options } = setUp();
    await streamOpened(sockets, options);
    sockets[0]?.open();
    for (const seq of [1, 2, 3]) sockets[0]?.receive({ type: 'event', event: event(seq) });
    await vi.waitFor(async () => {
      expect(await seqs(db)).toEqual([1, 2, 3]);
    });
    sockets[0]?.receive({ type: 'budget', status: { status: 'warning', budgets: [] } });
    await vi.waitFor(async () => {
      expect((await budgetStatusMeta.read(db))?.status.status).toBe('warning');
    });
    expect((await connectionMeta.read(db))?.state).toBe('online');
  });

  it('resumes after the last stored seq when the connection drops, storing a replay once', async () => {
    const { db, sockets, options } = setUp();
    await streamOpened(sockets, options);
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'event', event: event(1) });
    sockets[0]?.receive({ type: 'event', event: event(2) });
    sockets[0]?.drop();
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(2);
    });
    sockets[1]?.open();
    for (const seq of [2, 3]) sockets[1]?.receive({ type: 'event', event: event(seq) });
    await vi.waitFor(async () => {
      expect(await seqs(db)).toEqual([1, 2, 3]);
    });
    expect(sockets[1]?.query.after).toBe('2');
  });

  it('reconnects at once to the new daemon when the settings change', async () => {
    const { sockets, options } = setUp();
    const link = createDaemonLink(options);
    link.configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    sockets[0]?.open();
    link.configure(settings('http://localhost:5000', 'other'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(2);
    });
    expect([sockets[0]?.readyState, sockets[1]?.url]).toEqual([
      3,
      'ws://localhost:5000/v1/stream?after=0&token=other',
    ]);
  });

  it('keeps the stream when only the display precision changes', async () => {
    const { sockets, options } = setUp();
    const link = createDaemonLink(options);
    link.configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    sockets[0]?.open();
    link.configure(settings('http://127.0.0.1:4747', 'secret', 4));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([sockets.length, sockets[0]?.readyState]).toEqual([1, 1]);
  });

  it('records a refused token as unauthorized without opening a stream', async () => {
    const refused = { status: 401, json: { error: { code: 'unauthorized', message: 'bad token' } } };
    const { db, sockets, options } = setUp(() => refused);
    createDaemonLink(options).configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(async () => {
      expect((await connectionMeta.read(db))?.state).toBe('unauthorized');
    });
    expect(sockets).toHaveLength(0);
  });

  it('records an unreachable daemon as offline and retries until it answers', async () => {
    let up = false;
    const { db, sockets, options } = setUp(() =>
      up ? { status: 200, json: okStatus } : { throws: new TypeError('fetch failed') },
    );
    createDaemonLink(options).configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(async () => {
      expect((await connectionMeta.read(db))?.state).toBe('offline');
    });
    up = true;
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
  });

  it('retries at once when woken, whatever the backoff', async () => {
    let up = false;
    const { db, sockets, options } = setUp(() =>
      up ? { status: 200, json: okStatus } : { throws: new TypeError('fetch failed') },
    );
    const link = createDaemonLink({ ...options, backoff: { initialMs: 60_000, maxMs: 60_000 } });
    link.configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(async () => {
      expect((await connectionMeta.read(db))?.state).toBe('offline');
    });
    up = true;
    link.wake();
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
  });

  it('sends traffic on an idle stream so the worker is not stopped', async () => {
    const { sockets, options } = setUp();
    createDaemonLink({ ...options, keepAliveMs: 10 }).configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    sockets[0]?.open();
    await vi.waitFor(() => {
      expect(sockets[0]?.sent[0]).toEqual({ type: 'events', events: [], ref: 'keepalive' });
    });
  });

  it('refreshes the budget status after storing events', async () => {
    const { requests, sockets, options } = setUp();
    await streamOpened(sockets, options);
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'event', event: event(1) });
    await vi.waitFor(() => {
      expect(requests.map((request) => request.url)).toEqual([
        'http://127.0.0.1:4747/v1/budgets/status',
        'http://127.0.0.1:4747/v1/events?after=0&limit=5000',
        'http://127.0.0.1:4747/v1/budgets/status',
      ]);
    });
  });

  it('fetches the history in pages, then streams what follows the last page', async () => {
    const { db, sockets, options } = setUp(daemonHolding([1, 2, 3, 4, 5, 6, 7].map(event)));
    await mirrorEvents(db, [event(1)]);
    await streamOpened(sockets, options);
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'event', event: event(8) });
    await vi.waitFor(async () => {
      expect(await seqs(db)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
    expect(sockets[0]?.query.after).toBe('7');
  });

  it('empties the mirror when the daemon URL changes, so the new daemon’s seqs are not taken as old', async () => {
    const { db, sockets, options } = setUp();
    const link = createDaemonLink(options);
    link.configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    sockets[0]?.open();
    for (const seq of [1, 2, 3]) sockets[0]?.receive({ type: 'event', event: event(seq) });
    await budgetAlertsMeta.write(db, { daily: { level: 'exceeded', period_start: null, limit_usd: 5 } });
    await link.idle();
    link.configure(settings('http://127.0.0.1:4848'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(2);
    });
    sockets[1]?.open();
    sockets[1]?.receive({ type: 'event', event: fakeStoredEvent({ seq: 2, id: 'other-2' }) });
    await vi.waitFor(async () => {
      expect((await mirroredEvents(db)).map((stored) => stored.id)).toEqual(['other-2']);
    });
    expect([sockets[1]?.query.after, await budgetAlertsMeta.read(db)]).toEqual(['0', undefined]);
  });

  it('keeps the mirror when the daemon URL changes but not its origin', async () => {
    const { db, sockets, options } = setUp();
    await mirrorEvents(db, [event(1), event(2)]);
    const link = createDaemonLink(options);
    link.configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    link.configure(settings('http://127.0.0.1:4747/tokentally'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(2);
    });
    expect([sockets[1]?.query.after, await seqs(db)]).toEqual(['2', [1, 2]]);
  });

  it('empties the mirror and replays from seq 0 on a resync', async () => {
    const { db, sockets, options } = setUp();
    const link = createDaemonLink(options);
    link.configure(settings('http://127.0.0.1:4747'));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'event', event: event(7) });
    await vi.waitFor(async () => {
      expect(await seqs(db)).toEqual([7]);
    });
    await link.resync();
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(2);
    });
    expect([await seqs(db), sockets[1]?.query.after]).toEqual([[], '0']);
  });
});
