import type Database from 'better-sqlite3';

// A copy of rollups.ts's ROLLUP_FIGURES on purpose: a migration is history, and must keep creating the same
// schema even after the live column list changes (a new column needs a new migration).
const ROLLUP_FIGURE_NAMES = [
  'requests',
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'reasoning_tokens',
  'total_tokens',
  'cost_nanos',
  'unpriced_requests',
  'unpriced_tokens',
  'errors',
  'duration_ms',
] as const;

// The figures every rollup row carries, named as the shared Aggregate's fields so rows map onto it directly.
const ROLLUP_FIGURES = `
  requests INTEGER NOT NULL,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cache_creation_input_tokens INTEGER NOT NULL,
  cache_creation_1h_input_tokens INTEGER NOT NULL,
  cache_read_input_tokens INTEGER NOT NULL,
  reasoning_tokens INTEGER NOT NULL,
  total_tokens INTEGER NOT NULL,
  cost_nanos INTEGER NOT NULL,
  unpriced_requests INTEGER NOT NULL,
  unpriced_tokens INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL`;

// Absent agent and project are '' in rollups: NULLs would never conflict in the upsert key.
const rollupTable = (name: string): string => `
CREATE TABLE ${name} (
  bucket_ms INTEGER NOT NULL,
  model TEXT NOT NULL,
  provider TEXT NOT NULL,
  agent TEXT NOT NULL,
  project TEXT NOT NULL,
  source TEXT NOT NULL,${ROLLUP_FIGURES},
  PRIMARY KEY (bucket_ms, model, provider, agent, project, source)
) WITHOUT ROWID;`;

// Indexes are few on purpose: each costs every insert (a session_id index measured +2 µs of CPU per row, a third
// of the insert), while the queries it would serve are rare and still bounded by the ts index.

const sums = ROLLUP_FIGURE_NAMES.map((figure) => `sum(${figure})`).join(', ');

// The same figures per bucket alone: what unfiltered totals and timelines read (one row per day, not one per
// model × agent × project × source of that day).
const totalsTable = (name: string): string => `
CREATE TABLE ${name} (
  bucket_ms INTEGER PRIMARY KEY,${ROLLUP_FIGURES}
) WITHOUT ROWID;`;

/**
 * Schema versions, applied in order and recorded in `PRAGMA user_version`. Only ever append: a released
 * migration is never edited, so every database reaches the same schema by the same steps.
 */
export const MIGRATIONS: readonly string[] = [
  `
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  model TEXT NOT NULL,
  provider TEXT NOT NULL,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cache_creation_input_tokens INTEGER NOT NULL,
  cache_creation_1h_input_tokens INTEGER NOT NULL,
  cache_read_input_tokens INTEGER NOT NULL,
  reasoning_tokens INTEGER NOT NULL,
  cost_usd REAL,
  cost_source TEXT NOT NULL,
  agent TEXT,
  session_id TEXT,
  project TEXT,
  tool TEXT,
  request_id TEXT,
  source TEXT NOT NULL,
  duration_ms INTEGER,
  status TEXT NOT NULL,
  error TEXT,
  tags TEXT
);
CREATE UNIQUE INDEX events_id ON events (id);
CREATE INDEX events_ts ON events (ts);
CREATE INDEX events_session ON events (session_id, ts) WHERE session_id IS NOT NULL;
${rollupTable('rollup_hour')}
${rollupTable('rollup_day')}
CREATE TABLE budgets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  period TEXT NOT NULL,
  limit_usd REAL NOT NULL,
  warn_at REAL NOT NULL,
  scope TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE price_overrides (
  model TEXT PRIMARY KEY,
  rates TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
  `
DROP INDEX IF EXISTS events_session;
${totalsTable('rollup_hour_total')}
${totalsTable('rollup_day_total')}
INSERT INTO rollup_hour_total SELECT bucket_ms, ${sums} FROM rollup_hour GROUP BY bucket_ms;
INSERT INTO rollup_day_total SELECT bucket_ms, ${sums} FROM rollup_day GROUP BY bucket_ms;
`,
];

/** Brings a database to the latest schema version, each step in its own transaction. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from > MIGRATIONS.length) {
    throw new Error(
      `the database is at schema version ${from}, newer than this daemon knows (${MIGRATIONS.length}); upgrade tokentally`,
    );
  }
  for (let version = from; version < MIGRATIONS.length; version += 1) {
    const sql = MIGRATIONS[version] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
