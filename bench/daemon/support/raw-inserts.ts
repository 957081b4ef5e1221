import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../daemon/src/store/database';
import { EVENT_COLUMNS } from '../../../daemon/src/store/event-row';

/**
 * The floor under any ingest path: rows written straight into the daemon's own `events` table (same schema,
 * indexes and pragmas) with a prepared statement, 100 rows per transaction, no parsing, pricing or rollups.
 */
export function rawBatchedInserts(seconds: number, batch = 100): number {
  const dir = mkdtempSync(join(tmpdir(), 'tokentally-raw-'));
  const db = openDatabase(join(dir, 'raw.db'));
  const insert = db.prepare(
    `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
  );
  let seq = 0;
  const now = Date.now();
  const write = db.transaction((count: number) => {
    for (let i = 0; i < count; i += 1) {
      seq += 1;
      // Arguments, not an array: the fastest way better-sqlite3 binds (the daemon's inserter does the same).
      insert.run(
        seq,
        `raw-${seq}`,
        now,
        now,
        'claude-sonnet-4-20250514',
        'anthropic',
        1000 + (seq % 500),
        200,
        0,
        0,
        seq % 7000,
        0,
        0.0123,
        'computed',
        'main/researcher',
        `sess-${seq % 50}`,
        'tokentally',
        null,
        null,
        'sdk',
        900,
        'ok',
        null,
        null,
      );
    }
  });
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) write(batch);
  const rate = seq / ((performance.now() - started) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}
