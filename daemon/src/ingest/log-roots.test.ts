import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLogRoots, logRootsForDir } from './log-roots';

describe('defaultLogRoots', () => {
  it('looks in ~/.config/claude, ~/.claude and ~/.codex when nothing is configured', () => {
    expect(defaultLogRoots({}, '/home/me')).toEqual([
      { kind: 'claude', dir: '/home/me/.config/claude/projects' },
      { kind: 'claude', dir: '/home/me/.claude/projects' },
      { kind: 'codex', dir: '/home/me/.codex/sessions' },
      { kind: 'codex', dir: '/home/me/.codex/archived_sessions' },
    ]);
  });

  it('looks only in the CLAUDE_CONFIG_DIR list, and in CODEX_HOME, when they are set', () => {
    const env = {
      CLAUDE_CONFIG_DIR: ' ~/work-claude , /opt/claude,',
      CODEX_HOME: '/srv/codex',
      XDG_CONFIG_HOME: '/x',
    };
    expect(defaultLogRoots(env, '/home/me')).toEqual([
      { kind: 'claude', dir: '/home/me/work-claude/projects' },
      { kind: 'claude', dir: '/opt/claude/projects' },
      { kind: 'codex', dir: '/srv/codex/sessions' },
      { kind: 'codex', dir: '/srv/codex/archived_sessions' },
    ]);
  });

  it('follows XDG_CONFIG_HOME for the newer Claude Code location', () => {
    expect(defaultLogRoots({ XDG_CONFIG_HOME: '/xdg' }, '/home/me')[0]).toEqual({
      kind: 'claude',
      dir: '/xdg/claude/projects',
    });
  });
});

describe('logRootsForDir', () => {
  it('takes a config dir or home for its log trees, and any other directory as a tree itself', async () => {
    const base = await mkdtemp(join(tmpdir(), 'tt-roots-'));
    await mkdir(join(base, 'claude', 'projects'), { recursive: true });
    await mkdir(join(base, 'codex', 'archived_sessions'), { recursive: true });
    expect([
      await logRootsForDir('claude', join(base, 'claude')),
      await logRootsForDir('claude', join(base, 'claude', 'projects')),
      await logRootsForDir('codex', join(base, 'codex')),
    ]).toEqual([
      [{ kind: 'claude', dir: join(base, 'claude', 'projects') }],
      [{ kind: 'claude', dir: join(base, 'claude', 'projects') }],
      [{ kind: 'codex', dir: join(base, 'codex', 'archived_sessions') }],
    ]);
  });
});
