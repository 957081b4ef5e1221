import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A daemon running in a child process. */
export interface ChildDaemon {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit signal or code once the process is gone. */
  exited: Promise<string>;
}

const readySchema = z.object({ url: z.string(), port: z.int(), token: z.string(), pid: z.int() });
const script = fileURLToPath(new URL('./daemon-child.ts', import.meta.url));
const daemonDir = fileURLToPath(new URL('../..', import.meta.url));

/** Spawns `daemon-child.ts` with `node --import tsx` and waits until it listens. */
export function spawnChildDaemon(
  home: string,
  args: { port?: number; durability?: 'fsync' | 'full' | 'os' } = {},
): Promise<ChildDaemon> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, home, String(args.port ?? 0), args.durability ?? 'fsync'],
    { cwd: daemonDir, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(signal ?? String(code));
    }),
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const ready = readySchema.parse(JSON.parse(line));
      resolve({ url: ready.url, port: ready.port, pid: ready.pid, child, exited });
    });
    void exited.then((how) => {
      reject(new Error(`the daemon exited (${how}) before it was ready`));
    });
  });
}
