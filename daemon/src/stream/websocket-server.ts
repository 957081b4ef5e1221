import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Clock } from '../clock';
import { ApiError } from '../http-error';
import type { Logger } from '../logger';
import type { DaemonMetrics } from '../metrics/daemon-metrics';
import { refusal, type SecurityPolicy } from '../security';
import type { EventStore } from '../store/event-store';
import { MAX_BODY_BYTES } from '../write-guard';
import type { BudgetWatch } from './budget-watch';
import { answerClientMessage } from './client-messages';
import { serveSubscriber } from './subscriber';

/** The `/v1/stream` WebSocket endpoint, sharing the HTTP port. */
export interface StreamServer {
  clients(): number;
  /** Closes every connection (code 1001) and stops accepting new ones. */
  close(): Promise<void>;
}

export interface StreamOptions {
  policy: SecurityPolicy;
  store: EventStore;
  budgets: BudgetWatch;
  clock: Clock;
  metrics: DaemonMetrics;
  logger: Logger;
  maxBufferedBytes?: number;
  /** Ping interval; a client that misses a pong until the next ping is dropped. */
  heartbeatMs?: number;
}

function reject(socket: Duplex, error: ApiError): void {
  const body = JSON.stringify(error.body());
  socket.end(
    `HTTP/1.1 ${error.status} ${error.code}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}

// Without `after` a client asked for no replay: it follows what is stored from now on (a live tail), rather
// than receiving the whole history it did not ask for.
function afterParam(url: URL): number | 'now' | ApiError {
  const raw = url.searchParams.get('after');
  if (raw === null || raw === '') return 'now';
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  const message = 'expected a non-negative integer (a seq)';
  return new ApiError(400, 'invalid_query', `after: ${message}`, {
    issues: [{ index: null, path: 'after', message }],
  });
}

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * Takes over WebSocket upgrades of the HTTP servers: `/v1/stream` only, and only after the same checks as every
 * HTTP request (Host, Origin, token — here also as `?token=`, since browsers cannot set headers on a WebSocket).
 */
export function attachStream(servers: readonly Server[], options: StreamOptions): StreamServer {
  const { maxBufferedBytes = 8 * 1024 * 1024, heartbeatMs = 30_000 } = options;
  // No compression (ws's default, stated because subscribers rely on it): a commit's pre-framed events are written
  // straight to the socket, which keeps the order of ws's own sends only while ws queues nothing for deflating.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY_BYTES,
    perMessageDeflate: false,
  });
  const alive = new WeakSet<object>();

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/v1/stream') {
      reject(socket, new ApiError(404, 'not_found', `no WebSocket endpoint at ${url.pathname}`));
      return;
    }
    const refused = refusal(
      {
        host: request.headers.host,
        origin: header(request.headers.origin),
        authorization: request.headers.authorization,
        queryToken: url.searchParams.get('token') ?? undefined,
      },
      options.policy,
    );
    if (refused !== undefined) {
      reject(socket, refused);
      return;
    }
    const after = afterParam(url);
    if (after instanceof ApiError) {
      reject(socket, after);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      serveSubscriber(ws, {
        store: options.store,
        budgets: options.budgets,
        after: after === 'now' ? options.store.durableSeq() : after,
        maxBufferedBytes,
        answer: (text) => answerClientMessage(text, options),
        socket,
      });
    });
  }

  for (const server of servers) server.on('upgrade', onUpgrade);
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    clients: () => wss.clients.size,
    async close() {
      clearInterval(heartbeat);
      for (const server of servers) server.off('upgrade', onUpgrade);
      const closed = [...wss.clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => {
              resolve();
            });
            ws.close(1001, 'the daemon is shutting down');
            setTimeout(() => {
              ws.terminate();
              resolve();
            }, 1000).unref();
          }),
      );
      await Promise.all(closed);
      wss.close();
    },
  };
}
