import { join, resolve } from 'node:path';

/** Codex's home: `$CODEX_HOME`, default `~/.codex`. */
export function codexHome(env: NodeJS.ProcessEnv, home: string): string {
  const fromEnv = env.CODEX_HOME?.trim();
  return fromEnv === undefined || fromEnv === '' ? join(home, '.codex') : resolve(fromEnv);
}

/** Where Codex keeps rollouts: `sessions/YYYY/MM/DD/rollout-*.jsonl` and `archived_sessions/` (may not exist yet). */
export function codexSessionRoots(env: NodeJS.ProcessEnv, home: string): string[] {
  const base = codexHome(env, home);
  return [join(base, 'sessions'), join(base, 'archived_sessions')];
}
