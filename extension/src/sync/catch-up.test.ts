import { describe, expect, it } from 'vitest';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { fakeFetch, type FakeAnswer } from '@tokentally/shared/client/fake-fetch';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { catchUp } from './catch-up';
import { createEventBatcher } from './event-batcher';

const stored = Array.from({ length: 12 }, (_, index) =>
  fakeStoredEvent({ seq: index + 1, id: `evt-${String(index + 1)}` }),
);

function setUp(refuseAfter = Number.POSITIVE_INFINITY) {
  const { fetch, requests } = fakeFetch((request): FakeAnswer => {
    const query = new URL(request.url).searchParams;
    const after = Number(query.get('after'));
    if (after >= refuseAfter) return { status: 500, json: { error: { code: 'internal', message: 'boom' } } };
    const events = stored.filter((event) => event.seq > after).slice(0, Number(query.get('limit')));
    return { status: 200, json: { events, next_after: events.at(-1)?.seq ?? after } };
  });
  const client = createDaemonClient({ baseUrl: 'http://127.0.0.1:4747', fetch });
  const written: number[] = [];
  const batcher = createEventBatcher({
    windowMs: 5,
    maxEvents: 5,
    maxWrites: 2,
    write: (events) => {
      written.push(...events.map((event) => event.seq));
      return Promise.resolve({ stored: events.length, skipped: 0, last_seq: events.at(-1)?.seq ?? 0 });
    },
    onWritten: () => undefined,
    onError: () => undefined,
  });
  batcher.resume(2);
  const deps = { client, batcher, aborted: () => false, pageSize: 5 };
  return { deps, batcher, written, requests };
}

describe('catchUp', () => {
  it('hands every stored event after the mirror’s last seq to the batcher, page by page', async () => {
    const { deps, batcher, written, requests } = setUp();
    const reached = await catchUp(deps, 2);
    await batcher.flush();
    expect([reached, written, requests.map((request) => new URL(request.url).search)]).toEqual([
      12,
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      ['?after=2&limit=5', '?after=7&limit=5', '?after=12&limit=5'],
    ]);
  });

  it('stops at a page the daemon fails to answer, leaving the rest to the stream', async () => {
    const { deps, batcher, written } = setUp(7);
    const reached = await catchUp(deps, 2);
    await batcher.flush();
    expect([reached, written]).toEqual([7, [3, 4, 5, 6, 7]]);
  });
});
