import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root, where `node --import tsx` finds tsx. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A TypeScript entry point in its own Node process, and its first stdout line as JSON. */
export interface TsProcess {
  child: ChildProcess;
  /** The first line the process printed, parsed. */
  first: Promise<unknown>;
  /** Every later line, parsed. */
  lines: unknown[];
  exited: Promise<void>;
}

/** Runs a .ts file with `node --import tsx`, or a bundled .mjs with plain `node` (args passed as is). */
export function runTs(script: string, args: readonly string[] = []): TsProcess {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: unknown[] = [];
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const first = new Promise<unknown>((resolve, reject) => {
    const reader = createInterface({ input: child.stdout });
    let seen = false;
    reader.on('line', (line) => {
      const parsed: unknown = JSON.parse(line);
      if (seen) lines.push(parsed);
      else resolve(parsed);
      seen = true;
    });
    void exited.then(() => {
      if (!seen) reject(new Error(`${script} exited without output`));
    });
  });
  return { child, first, lines, exited };
}

/** Stops a process with SIGTERM and waits for it. */
export async function stop(process_: TsProcess): Promise<void> {
  process_.child.kill('SIGTERM');
  await process_.exited;
}

/** A process's resident set size in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}
