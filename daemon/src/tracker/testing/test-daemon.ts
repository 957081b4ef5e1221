import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningDaemon, startDaemon } from '../../server';

/** A real daemon in a fresh temporary home; `close()` stops it and removes the home. */
export type TestDaemon = RunningDaemon & AsyncDisposable;

/** Starts a real daemon (SQLite, HTTP, security guards) on `port` (default: a free one) in a temporary home. */
export async function startTestDaemon(options: { port?: number } = {}): Promise<TestDaemon> {
  const home = await mkdtemp(join(tmpdir(), 'tokentally-test-'));
  const daemon = await startDaemon({ home, port: options.port ?? 0, durability: 'os' });
  const close = async (): Promise<void> => {
    await daemon.close();
    await rm(home, { recursive: true, force: true });
  };
  return { ...daemon, close, [Symbol.asyncDispose]: close };
}

/** A port nothing listens on right now (to start a daemon on later, after a client has tried it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
