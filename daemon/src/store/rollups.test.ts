import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { fakeUsageEvents } from '../test-support/fake-event';
import { openEventStore } from './event-store';
import { rebuildRollups } from './rollups';
import { openDatabase } from './database';

const dump = (dbPath: string): unknown[] => {
  const db = openDatabase(dbPath);
  const rows = ['rollup_hour', 'rollup_day', 'rollup_hour_total', 'rollup_day_total'].map((table) =>
    db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4, 5, 6`).all(),
  );
  db.close();
  return rows;
};

describe('rollups', () => {
  it('kept in each commit equal rollups rebuilt from the events', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'tokentally-rollups-')), 'db');
    const store = openEventStore({
      dbPath,
      clock: { now: () => Date.now() },
      logger: silentLogger,
      timeZone: 'UTC',
    });
    const base = Date.now() - 50 * 86_400_000;
    for (let batch = 0; batch < 5; batch += 1) {
      await store.ingest(
        fakeUsageEvents(400, (i) => ({
          ts: base + (batch * 400 + i) * 1_800_000,
          model: i % 3 === 0 ? 'gpt-4o' : i % 3 === 1 ? 'claude-sonnet-4-20250514' : 'mystery',
          agent: i % 4 === 0 ? undefined : `main/${i % 3}`,
          project: i % 5 === 0 ? undefined : 'alpha',
          cost_usd: i % 7 === 0 ? 0.1234567891 : undefined,
          status: i % 11 === 0 ? 'error' : 'ok',
          duration_ms: i % 2 === 0 ? 1000 + i : undefined,
        })),
      );
    }
    await store.close();
    const incremental = dump(dbPath);
    const db = openDatabase(dbPath);
    db.transaction(() => {
      rebuildRollups(db, ['gpt-4o', 'claude-sonnet-4-20250514', 'mystery']);
    })();
    db.close();
    expect(dump(dbPath)).toEqual(incremental);
  });
});
