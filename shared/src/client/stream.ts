import { type StreamServerMessage, streamServerMessageSchema } from '../api/ingest';
import type { DaemonError } from './daemon-result';
import { decodeBody } from './daemon-result';
import { toQueryString } from './query-string';
import type { AbortSignalLike, WebSocketConstructorLike } from './transport';

/** Options of `stream()`. */
export interface StreamOptions {
  /** Replay what was stored after this seq first. */
  after?: number | undefined;
  /** Closes the stream when aborted. */
  signal?: AbortSignalLike | undefined;
  /** Every valid message, in the order the daemon sent it. */
  onMessage: (message: StreamServerMessage) => void;
  onOpen?: (() => void) | undefined;
  /** A message that breaks the contract; it is skipped, the stream goes on. */
  onInvalid?: ((error: DaemonError) => void) | undefined;
}

/** An open stream. */
export interface StreamHandle {
  /** Sends events to store; the answer comes as an `ack` or `error` message with the same `ref`. False when not open. */
  send(events: readonly unknown[], ref?: string | number): boolean;
  close(): void;
  /** Settles once the socket is closed, by either side or because it never connected (code 1006). */
  readonly closed: Promise<{ code: number; reason: string }>;
}

const OPEN = 1;

/** The WebSocket URL of `/v1/stream`: `ws:` or `wss:` after the base URL's scheme, with `after` and `token`. */
export function streamUrl(baseUrl: string, after?: number, token?: string): string {
  const query = toQueryString({ after, token: token === '' ? undefined : token });
  return `${baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}/v1/stream${query}`;
}

/** Opens `/v1/stream` with the given WebSocket constructor and hands each validated message to `onMessage`. */
export function openStream(
  WebSocket: WebSocketConstructorLike,
  url: string,
  { signal, onMessage, onOpen, onInvalid }: StreamOptions,
): StreamHandle {
  const socket = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.addEventListener('close', ({ code, reason }) => {
      resolve({ code, reason });
    });
  });
  // Without a listener some implementations report the error as unhandled; the close event tells the caller.
  socket.addEventListener('error', () => undefined);
  socket.addEventListener('open', () => onOpen?.());
  socket.addEventListener('message', ({ data }) => {
    if (typeof data !== 'string') {
      onInvalid?.({
        status: 0,
        code: 'invalid_response',
        message: 'the daemon sent a binary stream message',
      });
      return;
    }
    const decoded = decodeBody(0, data, streamServerMessageSchema);
    if (decoded.ok) onMessage(decoded.value);
    else onInvalid?.(decoded.error);
  });
  const close = (): void => {
    socket.close(1000, 'client closed');
  };
  if (signal?.aborted === true) close();
  else signal?.addEventListener('abort', close);
  return {
    send: (events, ref) => {
      if (socket.readyState !== OPEN) return false;
      socket.send(JSON.stringify({ type: 'events', events, ...(ref === undefined ? {} : { ref }) }));
      return true;
    },
    close,
    closed,
  };
}
