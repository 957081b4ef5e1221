import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** What the lock file says about the daemon holding it. */
export interface LockHolder {
  pid: number;
  port: number | null;
}

/** A held lock: `update` records the port once known, `release` removes the file. */
export interface HomeLock {
  update(port: number): void;
  release(): void;
}

export type LockResult = { ok: true; lock: HomeLock } | { ok: false; holder: LockHolder };

const holderSchema = z.object({ pid: z.int().positive(), port: z.int().nullable() });

// Paths locked by this process: a second daemon in the same process (tests) shares the pid of the first.
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function holderIsRunning(path: string, holder: LockHolder | undefined): boolean {
  if (holder === undefined) return false;
  if (holder.pid === process.pid) return heldHere.has(path);
  return isAlive(holder.pid);
}

/**
 * Takes the daemon lock of a home: a pid file created exclusively ('wx'). A file left by a dead process (a crash,
 * SIGKILL) is stale and taken over. The check cannot tell a live unrelated process that reused the pid from a
 * daemon; that needs the pid to be reused while the file is stale, and deleting the file clears it.
 */
export function acquireHomeLock(path: string): LockResult {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const content = JSON.stringify({ pid: process.pid, port: null });
    try {
      writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holderIsRunning(path, holder)) return { ok: false, holder };
      // A half-written file may belong to a daemon starting this very moment; only remove what is stale.
      if (holder === undefined && attempt === 0) continue;
      unlinkSync(path);
      continue;
    }
    heldHere.add(path);
    return { ok: true, lock: lockAt(path) };
  }
  return { ok: false, holder: readHolder(path) ?? { pid: 0, port: null } };
}

function lockAt(path: string): HomeLock {
  return {
    update(port) {
      writeFileSync(path, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
    },
    release() {
      heldHere.delete(path);
      const holder = readHolder(path);
      if (holder?.pid !== process.pid) return;
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
