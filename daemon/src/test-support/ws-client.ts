import WebSocket from 'ws';

/** A WebSocket client that records what it receives. */
export interface TestSocket {
  socket: WebSocket;
  /** Parsed messages in arrival order. */
  messages: unknown[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<unknown[]>;
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

/** Opens a socket; resolves once open, rejects with the HTTP status when the upgrade is refused. */
export function openTestSocket(
  url: string,
  options: { headers?: Record<string, string> } = {},
): Promise<TestSocket> {
  const socket = new WebSocket(url, { headers: options.headers });
  const messages: unknown[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : ''));
    for (const waiter of waiters.splice(0)) waiter();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
    }),
  );
  const client: TestSocket = {
    socket,
    messages,
    closed,
    send: (message) => {
      socket.send(JSON.stringify(message));
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`got ${messages.length} of ${count} messages`));
        }, timeoutMs);
        const check = (): void => {
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve(messages.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      resolve(client);
    });
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`upgrade refused with ${response.statusCode}`));
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
