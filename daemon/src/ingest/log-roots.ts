import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { claudeProjectRoots } from './claude-code/paths';
import { codexSessionRoots } from './codex/paths';
import type { LogKind } from './log-types';

/** A directory tree of one kind of log. */
export interface LogRoot {
  kind: LogKind;
  dir: string;
}

/** Where Claude Code and Codex write their logs on this machine (the directories may not exist yet). */
export function defaultLogRoots(env: NodeJS.ProcessEnv, home: string): LogRoot[] {
  return [
    ...claudeProjectRoots(env, home).map((dir) => ({ kind: 'claude' as const, dir })),
    ...codexSessionRoots(env, home).map((dir) => ({ kind: 'codex' as const, dir })),
  ];
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The roots for `--dir`: a Claude Code config directory (its `projects/`) or a projects tree itself; a Codex
 * home (its `sessions/` and `archived_sessions/`) or a sessions tree itself.
 */
export async function logRootsForDir(kind: LogKind, dir: string): Promise<LogRoot[]> {
  const base = resolve(dir);
  const nested = kind === 'claude' ? ['projects'] : ['sessions', 'archived_sessions'];
  const found: LogRoot[] = [];
  for (const name of nested)
    if (await isDirectory(join(base, name))) found.push({ kind, dir: join(base, name) });
  return found.length > 0 ? found : [{ kind, dir: base }];
}
