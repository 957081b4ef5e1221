import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';

const figures = (requests: number): number[] => [requests, 10, 5, 0, 0, 0, 0, 15, 1000, 0, 0, 0, 20];

describe('migrate', () => {
  it('creates a new database at the latest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('brings a version 1 database forward, totalling its rollups per bucket', () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'tokentally-migrate-')), 'db'));
    db.exec(MIGRATIONS[0] ?? '');
    db.pragma('user_version = 1');
    const insert = db.prepare(
      `INSERT INTO rollup_hour VALUES (${Array.from({ length: 19 }, () => '?').join(', ')})`,
    );
    insert.run([0, 'gpt-4o', 'openai', '', '', 'api', ...figures(2)]);
    insert.run([0, 'claude', 'anthropic', 'main', '', 'api', ...figures(3)]);
    insert.run([3_600_000, 'gpt-4o', 'openai', '', '', 'api', ...figures(4)]);
    expect(migrate(db)).toEqual({ from: 1, to: MIGRATIONS.length });
    expect(
      db.prepare('SELECT bucket_ms, requests, cost_nanos FROM rollup_hour_total ORDER BY 1').all(),
    ).toEqual([
      { bucket_ms: 0, requests: 5, cost_nanos: 2000 },
      { bucket_ms: 3_600_000, requests: 4, cost_nanos: 1000 },
    ]);
  });

  it('refuses a database from a newer daemon', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow('newer than this daemon knows');
  });
});
