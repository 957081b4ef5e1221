import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import { eventCountMeta, lastSeqMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import { clearMirror } from '../db/mirror-events';

/**
 * The seq to resume the stream after: the last one mirrored, unless the daemon now holds fewer events than the
 * mirror (it never deletes any, so its history was reset: a new data directory). Then its seqs start again from
 * 1 and would all look old, so the mirror is emptied and everything is replayed; `onCleared` is called.
 */
export async function resumePoint(
  db: TokentallyMirror,
  client: DaemonClient,
  onCleared: () => void,
): Promise<number> {
  const lastSeq = (await lastSeqMeta.read(db)) ?? 0;
  if (lastSeq === 0) return 0;
  const health = await client.health();
  if (!health.ok) return lastSeq;
  const mirrored = (await eventCountMeta.read(db)) ?? 0;
  if (health.value.events >= mirrored) return lastSeq;
  console.warn(
    `tokentally: the daemon holds ${String(health.value.events)} events, the mirror ${String(mirrored)}; replaying`,
  );
  await clearMirror(db);
  onCleared();
  return 0;
}
