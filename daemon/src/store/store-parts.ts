import type Database from 'better-sqlite3';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { type BudgetRepository, createBudgetRepository } from './budgets';
import { type Checkpointer, createCheckpointer } from './checkpointer';
import { openDatabase } from './database';
import { createWalDurability, type Durability, type DurabilityMode } from './durability';
import { createHub, type Hub } from './event-hub';
import { createIdleShrinker, type IdleShrinker } from './idle-shrinker';
import { createEventIdGenerator } from './event-id';
import { createEventInserter, type EventInserter } from './event-inserter';
import { createEventQueries, type EventQueries } from './event-queries';
import { toStoredEvent } from './event-row';
import { createPriceOverrideRepository, type PriceOverrideRepository } from './price-overrides';
import { createPricing, type Pricing } from './pricing';
import { ROLLUP_FIGURES } from './rollups';
import { createSummaryQueries } from './summary-query';
import { createGroupCommitWriter, type GroupCommitWriter } from './writer';

type Change = 'events' | 'prices' | 'budgets';

/** The pieces an open store is made of; `openEventStore` puts a face on them. */
export interface StoreParts {
  db: Database.Database;
  queries: EventQueries;
  summaries: ReturnType<typeof createSummaryQueries>;
  budgets: BudgetRepository;
  overrideRows: PriceOverrideRepository;
  pricing: Pricing;
  inserter: EventInserter;
  writer: GroupCommitWriter;
  durability: Durability;
  checkpointer: Checkpointer;
  shrinker: IdleShrinker;
  hubs: { events: Hub<readonly StoredEvent[]>; changes: Hub<Change> };
  count(): number;
  /** The highest seq whose commit is durable (what a stream may replay). */
  durableSeq(): number;
  /** The distinct models stored (from the day rollups, which hold every event). */
  models(): string[];
  totalsByModel(): { model: string; tokens: Record<string, number>; cost_nanos: number; requests: number }[];
}

/** Quiet time after the last write before the daemon gives memory back. */
const IDLE_AFTER_MS = 10_000;
/** The second release of an idle spell: V8 judges allocation over its last 5 s (see idle-shrinker.ts). */
const RELEASE_AGAIN_AFTER_MS = 6_000;

const TOKEN_FIGURES = [
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'reasoning_tokens',
] as const;

/** Opens the database and builds the writer, queries and repositories around it. */
export function openStoreParts(options: {
  dbPath: string;
  clock: Clock;
  logger: Logger;
  durability?: DurabilityMode;
  checkpointIntervalMs?: number;
  /** Called too when idle, to free what else the process holds (the daemon passes a full V8 collection). */
  releaseMemory?: (() => void) | undefined;
}): StoreParts {
  const { logger, clock } = options;
  const db = openDatabase(options.dbPath);
  if (options.durability === 'full') db.pragma('synchronous = FULL');
  const report = (what: string) => (error: unknown) => {
    logger.error(what, { error: String(error) });
  };
  const queries = createEventQueries(db);
  const overrideRows = createPriceOverrideRepository(db);
  const pricing = createPricing(overrideRows.all());
  const inserter = createEventInserter(db, {
    price: () => pricing.eventPricer(),
    nextId: createEventIdGenerator(() => clock.now()),
  });
  const durability = createWalDurability(`${options.dbPath}-wal`, options.durability);
  const hubs = {
    events: createHub<readonly StoredEvent[]>(report('an event subscriber failed')),
    changes: createHub<Change>(report('a change listener failed')),
  };
  let count = queries.count();
  let durableSeq = inserter.lastSeq();
  // Counting a large history read much of it into the page cache. Freed at once, while it still lies at the top
  // of the C heap (later, the allocator keeps the freed pages: measured 86 MB instead of 80 with 1M events),
  // and the first idle spell starts now.
  const shrinker = createIdleShrinker(db, {
    idleMs: IDLE_AFTER_MS,
    releaseAgainMs: RELEASE_AGAIN_AFTER_MS,
    now: () => performance.now(),
    release: options.releaseMemory,
  });
  shrinker.freeCache();
  shrinker.touch();
  const writer = createGroupCommitWriter({
    db,
    inserter,
    durability,
    onError: report('delivering stored events failed'),
    onDurable(rows) {
      checkpointer.nudge();
      shrinker.touch();
      if (rows.length === 0) return;
      count += rows.length;
      durableSeq = rows.at(-1)?.[0] ?? durableSeq;
      if (hubs.events.size() > 0) hubs.events.emit(rows.map(toStoredEvent));
      hubs.changes.emit('events');
    },
  });
  const checkpointer = createCheckpointer(options.dbPath, {
    intervalMs: options.checkpointIntervalMs ?? 1000,
    onError: (message) => {
      logger.warn('background checkpoint failed', { message });
    },
  });
  const distinctModels = db.prepare('SELECT DISTINCT model FROM rollup_day').pluck();
  const byModel = db
    .prepare(
      `SELECT model, ${ROLLUP_FIGURES.map((f) => `sum(${f})`).join(', ')} FROM rollup_day GROUP BY model ORDER BY model`,
    )
    .raw(true);
  return {
    db,
    queries,
    summaries: createSummaryQueries(db, {
      timeRange: () => queries.timeRange({ after: 0, from: -Infinity, to: Infinity, filter: {} }),
    }),
    budgets: createBudgetRepository(db),
    overrideRows,
    pricing,
    inserter,
    writer,
    durability,
    checkpointer,
    shrinker,
    hubs,
    count: () => count,
    durableSeq: () => durableSeq,
    models: () => distinctModels.all().filter((model): model is string => typeof model === 'string'),
    totalsByModel() {
      return byModel.all().flatMap((row) => {
        if (!Array.isArray(row)) return [];
        const n = (figure: (typeof ROLLUP_FIGURES)[number]): number =>
          Number(row[ROLLUP_FIGURES.indexOf(figure) + 1]);
        const tokens = Object.fromEntries(TOKEN_FIGURES.map((figure) => [figure, n(figure)]));
        return [{ model: String(row[0]), tokens, cost_nanos: n('cost_nanos'), requests: n('requests') }];
      });
    },
  };
}
