import { afterEach, describe, expect, it } from 'vitest';
import { streamServerMessageSchema } from '@tokentally/shared/api/ingest';
import { fakeWireEvent, fakeWireEvents } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { openTestSocket } from '../test-support/ws-client';

let t: TestDaemon;
afterEach(async () => {
  await t.close();
});

const streamUrl = (daemon: TestDaemon, query = ''): string =>
  `${daemon.daemon.url.replace('http', 'ws')}/v1/stream${query}`;

const eventSeqs = (messages: unknown[]): number[] =>
  messages.flatMap((message) => {
    const parsed = streamServerMessageSchema.parse(message);
    return parsed.type === 'event' ? [parsed.event.seq] : [];
  });

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('GET /v1/stream', () => {
  it('replays what was stored after the seq, then goes live, each event once and in order', async () => {
    t = await startTestDaemon();
    for (let i = 0; i < 6; i += 1) await t.json('/v1/events', { body: fakeWireEvents(500) });
    const socket = await openTestSocket(streamUrl(t, '?after=100'));
    // Written while the replay is under way: they must neither be lost nor sent twice.
    await Promise.all(range(1, 20).map(() => t.json('/v1/events', { body: fakeWireEvents(50) })));
    const messages = await socket.waitFor(2900 + 1000);
    socket.socket.close();
    expect(eventSeqs(messages)).toEqual(range(101, 4000));
  });

  it('sends valid stored events', async () => {
    t = await startTestDaemon();
    const socket = await openTestSocket(streamUrl(t));
    await t.json('/v1/events', {
      body: fakeWireEvent({ id: 'live-1', model: 'gpt-4o', input_tokens: 1_000_000 }),
    });
    const [message] = await socket.waitFor(1);
    socket.socket.close();
    expect(streamServerMessageSchema.parse(message)).toMatchObject({
      type: 'event',
      event: { seq: 1, id: 'live-1', model: 'gpt-4o', cost_usd: 2.5 + 0.002, cost_source: 'computed' },
    });
  });

  it('sends a client that gave no after only what is stored once it is connected', async () => {
    t = await startTestDaemon();
    await t.json('/v1/events', { body: fakeWireEvents(5) });
    const socket = await openTestSocket(streamUrl(t));
    await t.json('/v1/events', { body: fakeWireEvents(2) });
    const messages = await socket.waitFor(2);
    socket.socket.close();
    expect(eventSeqs(messages)).toEqual([6, 7]);
  });

  it('stores events a client sends and acknowledges them after sending them back', async () => {
    t = await startTestDaemon();
    const socket = await openTestSocket(streamUrl(t));
    socket.send({ type: 'events', events: fakeWireEvents(2), ref: 'batch-1' });
    const messages = await socket.waitFor(3);
    socket.socket.close();
    expect(messages.map((message) => streamServerMessageSchema.parse(message).type)).toEqual([
      'event',
      'event',
      'ack',
    ]);
    expect(messages[2]).toEqual({ type: 'ack', ref: 'batch-1', accepted: 2, duplicates: 0, last_seq: 2 });
  });

  it('answers an invalid message with an error naming the field', async () => {
    t = await startTestDaemon();
    const socket = await openTestSocket(streamUrl(t));
    socket.send({ type: 'events', events: [{ model: 'gpt-4o', input_tokens: -1 }], ref: 9 });
    socket.socket.send('not json');
    socket.send({ type: 'subscribe', ref: 10 });
    const messages = await socket.waitFor(3);
    socket.socket.close();
    expect(messages[0]).toEqual({
      type: 'error',
      ref: 9,
      error: {
        code: 'invalid_events',
        message: 'events[0].input_tokens: expected a non-negative integer',
        issues: [{ index: 0, path: 'input_tokens', message: 'expected a non-negative integer' }],
      },
    });
    expect(messages.slice(1)).toMatchObject([
      { type: 'error', ref: null, error: { code: 'invalid_json' } },
      { type: 'error', ref: 10, error: { code: 'invalid_message' } },
    ]);
  });

  it('disconnects a subscriber that stops reading, with code 4000 and a reason', async () => {
    t = await startTestDaemon({ streamMaxBufferedBytes: 64 * 1024 });
    const socket = await openTestSocket(streamUrl(t));
    socket.socket.pause();
    for (let i = 0; i < 8; i += 1)
      await t.json('/v1/events', { body: fakeWireEvents(2500, () => ({ tags: { pad: 'x'.repeat(200) } })) });
    socket.socket.resume();
    const closed = await socket.closed;
    const health = await t.json('/healthz');
    expect(closed).toEqual({ code: 4000, reason: 'slow subscriber: more than 65536 bytes unsent' });
    expect(health).toMatchObject({ status: 200, body: { events: 20_000 } });
  });

  it('pushes the budget status when a level changes', async () => {
    t = await startTestDaemon();
    await t.json('/v1/budgets/daily', { method: 'PUT', body: { period: 'day', limit_usd: 0.01 } });
    const socket = await openTestSocket(streamUrl(t));
    await t.json('/v1/events', { body: fakeWireEvent({ model: 'gpt-4o', input_tokens: 10_000 }) });
    const messages = await socket.waitFor(2);
    socket.socket.close();
    expect(messages[1]).toMatchObject({
      type: 'budget',
      status: { status: 'exceeded', budgets: [{ id: 'daily', status: 'exceeded' }] },
    });
  });

  it('refuses a seq that is not a number', async () => {
    t = await startTestDaemon();
    await expect(openTestSocket(streamUrl(t, '?after=abc'))).rejects.toThrow('400');
  });

  it('answers a plain GET with 426', async () => {
    t = await startTestDaemon();
    expect(await t.json('/v1/stream')).toMatchObject({
      status: 426,
      body: { error: { code: 'upgrade_required' } },
    });
  });
});
