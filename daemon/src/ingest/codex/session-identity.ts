import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { SessionMetaPayload } from './line-schema';

/** The session id a rollout's file name carries (`rollout-2025-09-11T18-25-30-<uuid>.jsonl`), else the bare name. */
export function sessionIdFromFileName(file: string): string {
  const name = basename(file, '.jsonl');
  const uuid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(name);
  return uuid?.[1] ?? name;
}

/** A session id as it can appear inside an event id: id characters only, at most 100 of them. */
export function idSafe(sessionId: string): string {
  const cleaned = sessionId.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned.length <= 100
    ? cleaned
    : createHash('sha256').update(sessionId).digest('base64url').slice(0, 32);
}

/** The agent name of a session: `codex`, or `codex/<role>` for a subagent so it rolls up under `codex`. */
export function codexAgent(meta: SessionMetaPayload): string {
  const source = meta.source;
  if (source === null || source === undefined || typeof source === 'string') return 'codex';
  const subagent = source.subagent;
  if (subagent === null || subagent === undefined) return 'codex';
  if (typeof subagent === 'string') return `codex/${subagent.replace(/\//g, '-').slice(0, 100)}`;
  const role = subagent.thread_spawn?.agent_role;
  return role ? `codex/${role.replace(/\//g, '-').slice(0, 100)}` : 'codex/subagent';
}

/**
 * Whether a rollout starts by replaying another session's history: a fork (`forked_from_id`) or a spawned
 * subagent thread (`source.subagent.thread_spawn.parent_thread_id`).
 */
export function isForkedSession(meta: SessionMetaPayload): boolean {
  if (meta.forked_from_id) return true;
  const source = meta.source;
  if (source === null || source === undefined || typeof source === 'string') return false;
  const subagent = source.subagent;
  return (
    typeof subagent === 'object' && subagent !== null && Boolean(subagent.thread_spawn?.parent_thread_id)
  );
}
