import type { WebSocketConstructorLike, WebSocketLike } from '@tokentally/shared/client/transport';

// One payload carries every field a listener may read, so one listener type fits open, message, close and error.
interface FakeSocketEvent {
  data: unknown;
  code: number;
  reason: string;
}

/** A WebSocket for tests: records what is sent, and lets the test open it, push messages and drop it. */
export class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  private readonly listeners = new Map<string, ((event: FakeSocketEvent) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: FakeSocketEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    queueMicrotask(() => {
      this.emit('close', { code, reason });
    });
  }

  /** The daemon accepted the connection. */
  open(): void {
    this.readyState = 1;
    this.emit('open', {});
  }

  /** The daemon sent a message (as JSON text). */
  receive(message: unknown): void {
    this.emit('message', { data: JSON.stringify(message) });
  }

  /** The connection broke or was refused. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.emit('error', {});
    this.emit('close', { code, reason: '' });
  }

  /** The query parameters the socket was opened with. */
  get query(): Record<string, string> {
    return Object.fromEntries(new URL(this.url).searchParams);
  }

  private emit(type: string, event: Partial<FakeSocketEvent>): void {
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data: undefined, code: 0, reason: '', ...event });
  }
}

/** A WebSocket constructor for tests and every socket it opened, oldest first. */
export function fakeWebSockets(): { WebSocket: WebSocketConstructorLike; sockets: FakeWebSocket[] } {
  const sockets: FakeWebSocket[] = [];
  const WebSocket = class extends FakeWebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  };
  return { WebSocket, sockets };
}
