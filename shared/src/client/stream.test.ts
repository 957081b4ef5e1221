import { describe, expect, it } from 'vitest';
import { fakeStoredEvent } from '../export/fake-stored-event';
import type { StreamServerMessage } from '../api/ingest';
import { createDaemonClient } from './daemon-client';
import type { DaemonError } from './daemon-result';
import { fakeFetch } from './fake-fetch';
import { streamUrl } from './stream';

// Every listener gets the same full event, so one shape serves open, message, close and error alike.
interface SocketEvent {
  data: unknown;
  code: number;
  reason: string;
}

// A stand-in for the socket: the test plays the daemon's side by firing its events.
class FakeWebSocket {
  static last: FakeWebSocket | undefined;
  readyState = 0;
  sent: string[] = [];
  closedWith: [number | undefined, string | undefined] | undefined;
  private listeners = new Map<string, ((event: SocketEvent) => void)[]>();

  constructor(readonly url: string) {
    FakeWebSocket.last = this;
  }

  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  addEventListener(type: string, listener: (event: SocketEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = [code, reason];
    this.fire('close', { code: code ?? 1005, reason: reason ?? '' });
  }

  fire(type: string, event: Partial<SocketEvent>): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data: undefined, code: 1005, reason: '', ...event });
  }
}

function openTestStream(options: { after?: number; token?: string; signal?: AbortSignal } = {}) {
  const client = createDaemonClient({
    baseUrl: 'http://127.0.0.1:4747',
    token: options.token,
    fetch: fakeFetch(() => ({ status: 200, json: {} })).fetch,
    WebSocket: FakeWebSocket,
  });
  const messages: StreamServerMessage[] = [];
  const invalid: DaemonError[] = [];
  const handle = client.stream({
    after: options.after,
    signal: options.signal,
    onMessage: (message) => messages.push(message),
    onInvalid: (error) => invalid.push(error),
  });
  const socket = FakeWebSocket.last;
  if (socket === undefined) throw new Error('no socket was opened');
  return { handle, socket, messages, invalid };
}

describe('stream', () => {
  it('connects to the WebSocket URL with after and the token in the query', () => {
    const { socket } = openTestStream({ after: 41, token: 's3cret' });
    expect(socket.url).toBe('ws://127.0.0.1:4747/v1/stream?after=41&token=s3cret');
  });

  it('hands on valid messages in order and reports invalid ones apart', () => {
    const { socket, messages, invalid } = openTestStream();
    const event = fakeStoredEvent({ seq: 42 });
    socket.fire('message', { data: JSON.stringify({ type: 'event', event }) });
    socket.fire('message', { data: '{"type":"event"}' });
    socket.fire('message', {
      data: JSON.stringify({ type: 'ack', ref: 'r1', accepted: 1, duplicates: 0, last_seq: 43 }),
    });
    expect(messages).toEqual([
      { type: 'event', event },
      { type: 'ack', ref: 'r1', accepted: 1, duplicates: 0, last_seq: 43 },
    ]);
    expect(invalid.map((error) => [error.code, error.issues])).toEqual([
      ['invalid_response', [{ index: null, path: 'event', message: 'required' }]],
    ]);
  });

  it('sends events with a ref once open, and refuses before', () => {
    const { handle, socket } = openTestStream();
    const before = handle.send([{ model: 'gpt-4o' }], 'r0');
    socket.fire('open', {});
    const after = handle.send([{ model: 'gpt-4o' }], 'r1');
    expect([before, after]).toEqual([false, true]);
    expect(socket.sent).toEqual(['{"type":"events","events":[{"model":"gpt-4o"}],"ref":"r1"}']);
  });

  it('closes when the signal aborts and settles closed', async () => {
    const controller = new AbortController();
    const { handle, socket } = openTestStream({ signal: controller.signal });
    controller.abort();
    expect(socket.closedWith).toEqual([1000, 'client closed']);
    expect(await handle.closed).toEqual({ code: 1000, reason: 'client closed' });
  });
});

describe('streamUrl', () => {
  it('turns https into wss and leaves out what is not given', () => {
    expect(streamUrl('https://tally.example:8443/', undefined, '')).toBe(
      'wss://tally.example:8443/v1/stream',
    );
  });
});
