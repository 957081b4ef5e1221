import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventPageSchema } from '@tokentally/shared/api/ingest';
import { fakeWireEvent, fakeWireEvents } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

let t: TestDaemon;
beforeEach(async () => {
  t = await startTestDaemon();
});
afterEach(async () => {
  await t.close();
});

describe('POST /v1/events', () => {
  it('stores one event and answers its seq once committed', async () => {
    const answer = await t.json('/v1/events', { body: fakeWireEvent() });
    expect(answer).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, first_seq: 1, last_seq: 1 } });
  });

  it('accepts an array and an {"events": [...]} envelope', async () => {
    const array = await t.json('/v1/events', { body: fakeWireEvents(2) });
    const envelope = await t.json('/v1/events', { body: { events: fakeWireEvents(3) } });
    expect([array.body, envelope.body]).toEqual([
      { accepted: 2, duplicates: 0, first_seq: 1, last_seq: 2 },
      { accepted: 3, duplicates: 0, first_seq: 3, last_seq: 5 },
    ]);
  });

  it('counts a re-sent event once', async () => {
    const event = fakeWireEvent({ id: 'resent-1' });
    await t.json('/v1/events', { body: event });
    const again = await t.json('/v1/events', { body: [event, fakeWireEvent({ id: 'resent-2' })] });
    const stored = await t.json('/v1/events');
    expect(again.body).toEqual({ accepted: 1, duplicates: 1, first_seq: 2, last_seq: 2 });
    expect(stored.body).toMatchObject({ next_after: 2 });
  });

  it('counts a duplicate within the same batch', async () => {
    const event = fakeWireEvent({ id: 'twice' });
    const answer = await t.json('/v1/events', { body: [event, event, event] });
    expect(answer.body).toEqual({ accepted: 1, duplicates: 2, first_seq: 1, last_seq: 1 });
  });

  it('answers accepted 0 for an empty array', async () => {
    const answer = await t.json('/v1/events', { body: [] });
    expect(answer.body).toEqual({ accepted: 0, duplicates: 0, first_seq: null, last_seq: null });
  });

  it('stores nothing of a batch with one bad event', async () => {
    const batch = [...fakeWireEvents(3), { model: 'gpt-4o', output_tokens: -1 }];
    const answer = await t.json('/v1/events', { body: batch });
    const stored = await t.json('/v1/events');
    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_events',
          message: 'events[3].output_tokens: expected a non-negative integer',
          issues: [{ index: 3, path: 'output_tokens', message: 'expected a non-negative integer' }],
        },
      },
    });
    expect(stored.body).toEqual({ events: [], next_after: 0 });
  });

  it('assigns a time-ordered id to events sent without one', async () => {
    await t.json('/v1/events', { body: [{ model: 'gpt-4o' }, { model: 'gpt-4o' }] });
    const { body } = await t.json('/v1/events');
    const ids = eventPageSchema.parse(body).events.map((event) => event.id);
    expect(ids.map((id) => /^[0-9A-Z]{26}$/.test(id))).toEqual([true, true]);
    expect([...ids].sort()).toEqual(ids);
  });

  it('returns stored events with seq, received_at, total_tokens and cost', async () => {
    await t.json('/v1/events', {
      body: {
        id: 'full',
        model: 'gpt-4o',
        ts: '2026-01-02T03:04:05Z',
        input_tokens: 1_000_000,
        output_tokens: 100_000,
        cache_read_input_tokens: 200_000,
        agent: 'main/researcher',
        tags: { team: 'a' },
        status: 'error',
        error: 'rate limited',
        duration_ms: 1500,
      },
    });
    const { body } = await t.json('/v1/events');
    expect(body).toMatchObject({
      events: [
        {
          seq: 1,
          id: 'full',
          ts: '2026-01-02T03:04:05.000Z',
          model: 'gpt-4o',
          provider: 'openai',
          total_tokens: 1_300_000,
          cost_usd: 3.75,
          cost_source: 'computed',
          agent: 'main/researcher',
          project: null,
          status: 'error',
          error: 'rate limited',
          duration_ms: 1500,
          tags: { team: 'a' },
        },
      ],
      next_after: 1,
    });
  });

  it('keeps a reported cost as is', async () => {
    await t.json('/v1/events', { body: fakeWireEvent({ cost_usd: 0.5 }) });
    const { body } = await t.json('/v1/events');
    expect(body).toMatchObject({ events: [{ cost_usd: 0.5, cost_source: 'reported' }] });
  });

  it('never prices an unknown model at $0', async () => {
    await t.json('/v1/events', { body: fakeWireEvent({ model: 'no-such-model-xyz' }) });
    const { body } = await t.json('/v1/events');
    expect(body).toMatchObject({
      events: [{ cost_usd: null, cost_source: 'unpriced', provider: 'unknown' }],
    });
  });
});

describe('GET /v1/events', () => {
  it('pages in seq order with after, limit and next_after', async () => {
    await t.json('/v1/events', { body: fakeWireEvents(5) });
    const first = await t.json('/v1/events?limit=2');
    const second = await t.json('/v1/events?after=2&limit=2');
    const last = await t.json('/v1/events?after=4&limit=2');
    const pages = [first.body, second.body, last.body].map((page) => eventPageSchema.parse(page));
    expect(pages.map((page) => page.events.map((e) => e.seq))).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => page.next_after)).toEqual([2, 4, 5]);
  });

  it('filters by label, an agent including its sub-agents', async () => {
    await t.json('/v1/events', {
      body: [
        fakeWireEvent({ agent: 'main' }),
        fakeWireEvent({ agent: 'main/researcher' }),
        fakeWireEvent({ agent: 'mainframe' }),
        fakeWireEvent({ agent: 'main', model: 'gpt-4o' }),
      ],
    });
    const { body } = await t.json('/v1/events?agent=main&provider=anthropic');
    const agents = eventPageSchema.parse(body).events.map((e) => e.agent);
    expect(agents).toEqual(['main', 'main/researcher']);
  });

  it('filters by time and moves next_after past what the filter skipped', async () => {
    await t.json('/v1/events', {
      body: [fakeWireEvent({ ts: '2026-01-01T00:00:00Z' }), fakeWireEvent({ ts: '2026-02-01T00:00:00Z' })],
    });
    const { body } = await t.json('/v1/events?from=2026-01-15&to=2026-03-01T00:00:00Z');
    expect(body).toMatchObject({ events: [{ seq: 2 }], next_after: 2 });
  });

  it('refuses a limit above 5000, naming it', async () => {
    const answer = await t.json('/v1/events?limit=5001');
    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_query',
          message: 'limit: expected at most 5000',
          issues: [{ index: null, path: 'limit', message: 'expected at most 5000' }],
        },
      },
    });
  });

  it('refuses an unknown query parameter, naming it', async () => {
    const answer = await t.json('/v1/events?colour=red');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: { issues: [{ path: 'colour', message: 'unknown query parameter' }] },
    });
  });
});
