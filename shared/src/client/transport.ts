// shared has no DOM or Node types, so the transports are described by the little the client uses. The global
// `fetch` of Node and browsers, and the `ws` package's or the browser's `WebSocket`, fit these shapes.

/** The parts of a fetch `Response` the client reads. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the client passes to fetch. */
export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch function (the global one in Node 20+ and browsers, or a fake in tests). */
export type FetchLike<R extends ResponseLike = ResponseLike> = (
  url: string,
  init: RequestInitLike,
) => Promise<R>;

/** The parts of a WebSocket the stream helper uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** A WebSocket constructor (the global one in browsers and Node 22+, or `ws`'s). */
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

/** The parts of an `AbortSignal` the stream helper uses. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}
