import { join, resolve } from 'node:path';

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

/**
 * Claude Code's config directories: the comma-separated `CLAUDE_CONFIG_DIR` when set (only those), else
 * `$XDG_CONFIG_HOME/claude` (default `~/.config/claude`) and `~/.claude`. Each may hold a `projects/` tree.
 */
export function claudeConfigDirs(env: NodeJS.ProcessEnv, home: string): string[] {
  const listed = (env.CLAUDE_CONFIG_DIR ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (listed.length > 0) return unique(listed.map((entry) => resolve(expandHome(entry, home))));
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const configHome = xdg === undefined || xdg === '' ? join(home, '.config') : resolve(xdg);
  return unique([join(configHome, 'claude'), join(home, '.claude')]);
}

/** The `projects/` directories under every Claude Code config directory (they may not exist yet). */
export function claudeProjectRoots(env: NodeJS.ProcessEnv, home: string): string[] {
  return claudeConfigDirs(env, home).map((dir) => join(dir, 'projects'));
}
