import type Database from 'better-sqlite3';
import type { EventRow } from './event-row';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * The rollup tables: one row per UTC hour (or day) and model, provider, agent, project and source; and the
 * `_total` tables, one row per hour (or day) alone, for summaries without label filters or label groups.
 */
export const ROLLUP_TABLES = [
  { table: 'rollup_hour', width: HOUR_MS },
  { table: 'rollup_day', width: DAY_MS },
] as const;

const TOTAL_TABLES = ['rollup_hour_total', 'rollup_day_total'] as const;

export type RollupTable = (typeof ROLLUP_TABLES)[number]['table'];

/** The summed figures of a rollup row, in column order (the shared Aggregate's fields). */
export const ROLLUP_FIGURES = [
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

const KEY_COLUMNS = ['bucket_ms', 'model', 'provider', 'agent', 'project', 'source'] as const;
const ALL_COLUMNS = [...KEY_COLUMNS, ...ROLLUP_FIGURES];

type RollupKey = [
  bucketMs: number,
  model: string,
  provider: string,
  agent: string,
  project: string,
  source: string,
];

interface RollupSums {
  key: RollupKey;
  /** In ROLLUP_FIGURES order. */
  figures: number[];
}

const SEP = '\u0001';

/** Sums inserted events per rollup key within one transaction, so each key is upserted once per commit. */
export interface RollupAccumulator {
  add(row: EventRow): void;
  /** Upserts the sums into the four rollup tables and starts over. */
  flush(): void;
  /** Drops the sums (the transaction rolled back). */
  clear(): void;
}

function upsertSql(table: string, keys: readonly string[]): string {
  const columns = [...keys, ...ROLLUP_FIGURES];
  const updates = ROLLUP_FIGURES.map((f) => `${f} = ${f} + excluded.${f}`).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates}`;
}

function addFigures(into: Map<number, number[]>, bucket: number, figures: readonly number[]): void {
  const existing = into.get(bucket);
  if (existing === undefined) into.set(bucket, [...figures]);
  else figures.forEach((value, i) => (existing[i] = (existing[i] ?? 0) + value));
}

function addEventRow(figures: number[], row: EventRow): void {
  const tokens = row[6] + row[7] + row[8] + row[10];
  const cost = row[12];
  const unpriced = cost === null;
  // In ROLLUP_FIGURES order; written out because this runs once per stored event.
  figures[0] = (figures[0] ?? 0) + 1;
  figures[1] = (figures[1] ?? 0) + row[6];
  figures[2] = (figures[2] ?? 0) + row[7];
  figures[3] = (figures[3] ?? 0) + row[8];
  figures[4] = (figures[4] ?? 0) + row[9];
  figures[5] = (figures[5] ?? 0) + row[10];
  figures[6] = (figures[6] ?? 0) + row[11];
  figures[7] = (figures[7] ?? 0) + tokens;
  figures[8] = (figures[8] ?? 0) + (unpriced ? 0 : Math.round(cost * 1e9));
  figures[9] = (figures[9] ?? 0) + (unpriced ? 1 : 0);
  figures[10] = (figures[10] ?? 0) + (unpriced ? tokens : 0);
  figures[11] = (figures[11] ?? 0) + (row[21] === 'error' ? 1 : 0);
  figures[12] = (figures[12] ?? 0) + (row[20] ?? 0);
}

const zeroFigures = (): number[] => ROLLUP_FIGURES.map(() => 0);

/** Creates the accumulator for a connection; its statements are prepared once. */
export function createRollupAccumulator(db: Database.Database): RollupAccumulator {
  const [hourTable, dayTable] = ROLLUP_TABLES;
  const upsertHour = db.prepare(upsertSql(hourTable.table, KEY_COLUMNS));
  const upsertDay = db.prepare(upsertSql(dayTable.table, KEY_COLUMNS));
  const upsertHourTotal = db.prepare(upsertSql('rollup_hour_total', ['bucket_ms']));
  const upsertDayTotal = db.prepare(upsertSql('rollup_day_total', ['bucket_ms']));
  let hours = new Map<string, RollupSums>();

  return {
    add(row) {
      const hour = row[2] - (row[2] % HOUR_MS);
      const agent = row[14] ?? '';
      const project = row[16] ?? '';
      const key = `${hour}${SEP}${row[4]}${SEP}${row[5]}${SEP}${agent}${SEP}${project}${SEP}${row[19]}`;
      let sums = hours.get(key);
      if (sums === undefined) {
        sums = { key: [hour, row[4], row[5], agent, project, row[19]], figures: zeroFigures() };
        hours.set(key, sums);
      }
      addEventRow(sums.figures, row);
    },
    flush() {
      const days = new Map<string, RollupSums>();
      const hourSums = new Map<number, number[]>();
      const daySums = new Map<number, number[]>();
      for (const { key, figures } of hours.values()) {
        upsertHour.run([...key, ...figures]);
        const [hour, ...labels] = key;
        const day = hour - (hour % DAY_MS);
        const dayKey = `${day}${SEP}${labels.join(SEP)}`;
        const existing = days.get(dayKey);
        if (existing === undefined) days.set(dayKey, { key: [day, ...labels], figures: [...figures] });
        else figures.forEach((value, i) => (existing.figures[i] = (existing.figures[i] ?? 0) + value));
        addFigures(hourSums, hour, figures);
        addFigures(daySums, day, figures);
      }
      for (const { key, figures } of days.values()) upsertDay.run([...key, ...figures]);
      for (const [bucket, figures] of hourSums) upsertHourTotal.run([bucket, ...figures]);
      for (const [bucket, figures] of daySums) upsertDayTotal.run([bucket, ...figures]);
      hours = new Map();
    },
    clear() {
      hours = new Map();
    },
  };
}

const TOTAL_TOKENS_SQL =
  'input_tokens + output_tokens + cache_creation_input_tokens + cache_read_input_tokens';

/** The SQL sums over `events` that give a rollup's figures, in ROLLUP_FIGURES order (shared with event scans). */
export const EVENT_FIGURES_SQL = [
  'count(*)',
  'coalesce(sum(input_tokens), 0)',
  'coalesce(sum(output_tokens), 0)',
  'coalesce(sum(cache_creation_input_tokens), 0)',
  'coalesce(sum(cache_creation_1h_input_tokens), 0)',
  'coalesce(sum(cache_read_input_tokens), 0)',
  'coalesce(sum(reasoning_tokens), 0)',
  `coalesce(sum(${TOTAL_TOKENS_SQL}), 0)`,
  // round() matches Math.round for the non-negative costs stored, so rebuilt and incremental sums agree.
  'coalesce(sum(CAST(round(cost_usd * 1e9) AS INTEGER)), 0)',
  'coalesce(sum(cost_usd IS NULL), 0)',
  `coalesce(sum(CASE WHEN cost_usd IS NULL THEN ${TOTAL_TOKENS_SQL} ELSE 0 END), 0)`,
  "coalesce(sum(status = 'error'), 0)",
  'coalesce(sum(duration_ms), 0)',
] as const;

/**
 * Recomputes the rollups of some models from their events (after a re-pricing); run inside the caller's
 * transaction. A full scan of `events`: there is no index by model, which would slow every insert.
 */
export function rebuildRollups(db: Database.Database, models: readonly string[]): void {
  if (models.length === 0) return;
  const placeholders = models.map(() => '?').join(', ');
  for (const { table, width } of ROLLUP_TABLES) {
    db.prepare(`DELETE FROM ${table} WHERE model IN (${placeholders})`).run(models);
    db.prepare(
      `INSERT INTO ${table} (${ALL_COLUMNS.join(', ')})
       SELECT ts - ts % ${width}, model, provider, coalesce(agent, ''), coalesce(project, ''), source,
         ${EVENT_FIGURES_SQL.join(', ')}
       FROM events WHERE model IN (${placeholders})
       GROUP BY 1, 2, 3, 4, 5, 6`,
    ).run(models);
  }
  // The totals mix every model, so they are summed again from the labelled rollups, which are small.
  const sums = ROLLUP_FIGURES.map((f) => `sum(${f})`).join(', ');
  for (const [index, table] of TOTAL_TABLES.entries()) {
    const source = ROLLUP_TABLES[index]?.table ?? 'rollup_hour';
    db.prepare(`DELETE FROM ${table}`).run();
    db.prepare(`INSERT INTO ${table} SELECT bucket_ms, ${sums} FROM ${source} GROUP BY bucket_ms`).run();
  }
}
