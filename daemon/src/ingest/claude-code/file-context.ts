import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';

/** What a transcript's path says about its lines: which agent wrote them and a project name to fall back on. */
export interface ClaudeFileContext {
  /** The file's path: identifies it in the response registry. */
  file: string;
  /** `claude-code` for a session, `claude-code/<agent type or id>` for a subagent, so subagents roll up. */
  agent: string;
  /** The encoded-cwd directory under `projects/`, used when a line carries no `cwd`. */
  projectDir: string | undefined;
}

const subagentMetaSchema = z.looseObject({ agentType: z.string().min(1).optional() });

async function subagentType(metaPath: string): Promise<string | undefined> {
  try {
    const parsed = subagentMetaSchema.safeParse(JSON.parse(await readFile(metaPath, 'utf8')));
    return parsed.success ? parsed.data.agentType : undefined;
  } catch {
    // Older Claude Code versions write no meta file; the agent id names the subagent then.
    return undefined;
  }
}

/** A hierarchy level name: `/` separates levels in `agent`, so it cannot appear inside one. */
function levelName(name: string): string {
  return name.replace(/[/\\]/g, '-').slice(0, 100);
}

/**
 * Describes a transcript under a `projects/` root. Subagent transcripts are `agent-<id>.jsonl`, nested in
 * `<sessionId>/subagents/` (newer) or beside the sessions (older); `agent-<id>.meta.json` names their type.
 */
export async function claudeFileContext(file: string, root: string): Promise<ClaudeFileContext> {
  const rel = relative(root, file);
  const first = rel.split(sep)[0];
  const projectDir = first === undefined || first === rel || first.startsWith('..') ? undefined : first;
  const name = basename(file, '.jsonl');
  if (!name.startsWith('agent-')) return { file, agent: 'claude-code', projectDir };
  const agentId = name.slice('agent-'.length);
  const type = await subagentType(join(dirname(file), `${name}.meta.json`));
  const label = type ?? (agentId.startsWith('acompact') ? 'compact' : agentId);
  return { file, agent: `claude-code/${levelName(label)}`, projectDir };
}
