import { budgetAlertsMeta, budgetStatusMeta, mirrorOriginMeta } from './meta';
import type { TokentallyMirror } from './mirror-db';
import { clearMirror } from './mirror-events';

/** The origin a daemon URL names (scheme, host and port): one daemon, whatever path or trailing slash is typed. */
export function daemonOrigin(daemonUrl: string): string {
  return new URL(daemonUrl).origin;
}

/**
 * Makes the mirror the one of the daemon at `origin`, before anything is streamed from it. A mirror filled from
 * another daemon is emptied first, with all that daemon told: events, rollups and `last_seq` (its seqs mean
 * nothing here: the new daemon's events at or below the old last seq would be skipped), its budget status and the
 * budget alerts already shown. A mirror of no recorded origin (filled by an older version) is kept as this
 * daemon's. Resolves whether the mirror was emptied.
 */
export async function adoptDaemon(db: TokentallyMirror, origin: string): Promise<boolean> {
  return db.transaction('rw', db.event_chunks, db.rollup_hours, db.meta, async () => {
    const previous = await mirrorOriginMeta.read(db);
    if (previous === origin) return false;
    await mirrorOriginMeta.write(db, origin);
    if (previous === undefined) return false;
    await Promise.all([
      clearMirror(db),
      db.meta.delete(budgetStatusMeta.key),
      db.meta.delete(budgetAlertsMeta.key),
    ]);
    return true;
  });
}
