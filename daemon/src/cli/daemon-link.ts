import WebSocket from 'ws';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { DaemonError } from '@tokentally/shared/client/daemon-result';
import { readToken, resolveHome, resolvePort } from './env';
import type { CliIo } from './io';

/** The typed daemon client as the CLI uses it: Node's fetch responses, `ws` for the stream. */
export type CliDaemonClient = DaemonClient<Response>;

/** The daemon this environment points at: its client, data directory and port. */
export interface DaemonLink {
  client: CliDaemonClient;
  home: string;
  port: number;
}

/** A client for the daemon at 127.0.0.1:`$TOKENTALLY_PORT` with the token from `$TOKENTALLY_HOME/token`, if any. */
export async function linkFromEnv(
  io: Pick<CliIo, 'env' | 'cwd' | 'fetch'>,
): Promise<({ ok: true } & DaemonLink) | { ok: false; message: string }> {
  const port = resolvePort(io.env);
  if (!port.ok) return port;
  const home = resolveHome(io);
  const token = await readToken(home);
  const client = createDaemonClient({
    baseUrl: `http://127.0.0.1:${port.port}`,
    token,
    fetch: io.fetch,
    WebSocket,
  });
  return { ok: true, client, home, port: port.port };
}

/** One message for a failed call; for an unreachable daemon, how to start it. */
export function describeError(error: DaemonError, baseUrl: string): string {
  if (error.code === 'unreachable') {
    return `the daemon is not running at ${baseUrl}; start it with 'tokentally start'`;
  }
  const details = (error.issues ?? []).slice(0, 10).map((issue) => {
    const where =
      issue.index === null ? issue.path : `events[${issue.index}]${issue.path ? `.${issue.path}` : ''}`;
    return `\n  ${where ? `${where}: ` : ''}${issue.message}`;
  });
  const status = error.status === 0 ? error.code : `${error.status} ${error.code}`;
  return `the daemon refused the request (${status}): ${error.message}${details.join('')}`;
}
