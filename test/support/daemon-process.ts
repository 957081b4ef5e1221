import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import { freePort } from './free-port';
import { DAEMON_CLI } from './repo-paths';
import { waitFor } from './wait-for';

/** A real daemon run from the built CLI in a child process, on a fixed port so it can be killed and restarted. */
export interface DaemonProcess {
  readonly url: string;
  readonly port: number;
  readonly home: string;
  /** The token the daemon created in its home at first start. */
  readonly token: string;
  /** A client as a local program uses it (no Origin header, so no token is needed). */
  readonly client: DaemonClient<Response>;
  /** Kills the daemon with a signal and waits for it to be gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts the daemon again on the same home and port. */
  restart(): Promise<void>;
  /** Stops it cleanly (SIGTERM) and removes its home. */
  stop(): Promise<void>;
}

function launch(home: string, port: number): { child: ChildProcess; output: () => string } {
  if (!existsSync(DAEMON_CLI)) throw new Error(`${DAEMON_CLI} is missing: run \`pnpm build\` first`);
  const child = spawn(process.execPath, [DAEMON_CLI, 'start', '--port', String(port), '--no-watch'], {
    env: { ...process.env, TOKENTALLY_HOME: home, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function untilExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
}

/** Starts `tokentally start --no-watch` with a fresh TOKENTALLY_HOME on a free port; resolves once it answers. */
export async function startDaemonProcess(): Promise<DaemonProcess> {
  const home = mkdtempSync(join(tmpdir(), 'tokentally-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const client = createDaemonClient({ baseUrl: url, fetch: (input, init) => fetch(input, init) });
  let running = launch(home, port);

  const ready = async (): Promise<void> => {
    await waitFor(
      async () => {
        if (running.child.exitCode !== null) throw new Error(`the daemon exited early:\n${running.output()}`);
        return (await client.health()).ok;
      },
      (ok) => ok,
      { timeoutMs: 20_000, what: `the daemon at ${url}` },
    );
  };
  await ready();
  const token = readFileSync(join(home, 'token'), 'utf8').trim();

  return {
    url,
    port,
    home,
    token,
    client,
    async kill(signal) {
      running.child.kill(signal);
      await untilExit(running.child);
    },
    async restart() {
      running = launch(home, port);
      await ready();
    },
    async stop() {
      running.child.kill('SIGTERM');
      await untilExit(running.child);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
