import { importLogs } from '../../daemon/src/ingest/import';
import { silentLogger } from '../../daemon/src/logger';
import { openEventStore } from '../../daemon/src/store/event-store';

/** Imports a Claude Code tree into a fresh daemon store (SQLite, group-commit writer, fsync): the full path. */
export async function importIntoStore(
  treeDir: string,
  dbPath: string,
): Promise<{ seconds: number; accepted: number }> {
  const store = openEventStore({
    dbPath,
    clock: { now: () => Date.now() },
    logger: silentLogger,
    timeZone: 'UTC',
  });
  try {
    const started = performance.now();
    const summary = await importLogs('claude', {
      dir: treeDir,
      ingest: async (events) => store.ingest(events),
    });
    return { seconds: (performance.now() - started) / 1000, accepted: summary.accepted };
  } finally {
    await store.close();
  }
}
