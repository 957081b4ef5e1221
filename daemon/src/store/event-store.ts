import type { PartialSummary } from '@tokentally/shared/aggregate/group';
import { finalizeSummary } from '@tokentally/shared/aggregate/summary';
import type { Budget, BudgetStatus } from '@tokentally/shared/api/budget';
import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { Summary } from '@tokentally/shared/api/summary';
import type { ModelPrice } from '@tokentally/shared/pricing/model-price';
import type { PriceOverride } from '@tokentally/shared/pricing/price-override';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { openStoreParts } from './store-parts';
import { computeBudgetStatus } from './budget-status';
import { toStoredEvent } from './event-row';
import type { EventSelection } from './event-queries';
import { createOverrideEditor } from './override-editor';
import type { DurabilityMode } from './durability';
import type { SummaryRequest } from './summary-query';

/** What changed in the store: stored events, prices (events re-priced) or budgets. */
export type StoreChange = 'events' | 'prices' | 'budgets';

/** The daemon's storage: events, rollups, budgets and price overrides in one SQLite database. */
export interface EventStore {
  readonly dbPath: string;
  /** Stores events through the group-commit writer (for internal producers: log watchers, OTLP). */
  ingest(events: readonly UsageEvent[]): Promise<IngestResult>;
  /** Receives every durably stored event, in seq order, one array per commit. */
  subscribe(listener: (events: readonly StoredEvent[]) => void): () => void;
  /** Told after every durable change. */
  onChange(listener: (change: StoreChange) => void): () => void;
  subscriberCount(): number;
  /** The highest committed seq. */
  lastSeq(): number;
  /** The highest seq whose commit is durable. */
  durableSeq(): number;
  count(): number;
  page(selection: EventSelection, limit: number): StoredEvent[];
  iterate(selection: EventSelection): Iterable<StoredEvent>;
  timeRange(selection: EventSelection): { min: number; max: number } | null;
  summary(request: SummaryRequest): Summary;
  partialSummary(request: SummaryRequest): PartialSummary;
  listBudgets(): Budget[];
  putBudget(budget: Budget): Promise<void>;
  removeBudget(id: string): Promise<boolean>;
  budgetStatus(): BudgetStatus;
  overrides(): Readonly<Record<string, PriceOverride>>;
  priceFor(model: string, provider: string | undefined, at: number): ModelPrice | undefined;
  /** Sets an override and re-prices the events it affects; answers how many changed cost. */
  putOverride(model: string, override: PriceOverride): Promise<{ key: string; repriced: number }>;
  removeOverride(model: string): Promise<{ removed: boolean; repriced: number }>;
  /** Per model: token and cost totals of every stored event (for /metrics). */
  totalsByModel(): { model: string; tokens: Record<string, number>; cost_nanos: number; requests: number }[];
  close(): Promise<void>;
}

export interface EventStoreOptions {
  dbPath: string;
  clock: Clock;
  logger: Logger;
  /** The zone budget periods follow. */
  timeZone: string;
  /** 'fsync' (default): acknowledge after the WAL is on disk; 'os': after the commit (survives a crash, not power loss). */
  durability?: DurabilityMode;
  checkpointIntervalMs?: number;
  /** Called once writes have been quiet a while, after SQLite freed its cache (see idle-shrinker.ts). */
  releaseMemory?: (() => void) | undefined;
}

/** Opens the store: database, writer, background checkpoints. */
export function openEventStore(options: EventStoreOptions): EventStore {
  const { clock, timeZone } = options;
  const parts = openStoreParts(options);
  const { db, queries, summaries, budgets, pricing, hubs, writer } = parts;
  const overrides = createOverrideEditor(parts, clock);

  async function durably(change: StoreChange): Promise<void> {
    parts.checkpointer.nudge();
    await parts.durability.afterCommit();
    hubs.changes.emit(change);
  }

  const partialSummary = (request: SummaryRequest): PartialSummary => summaries.partial(request);

  return {
    dbPath: options.dbPath,
    ingest: (events) => writer.write(events, clock.now()),
    subscribe: (listener) => hubs.events.subscribe(listener),
    onChange: (listener) => hubs.changes.subscribe(listener),
    subscriberCount: () => hubs.events.size(),
    lastSeq: () => parts.inserter.lastSeq(),
    durableSeq: () => parts.durableSeq(),
    count: () => parts.count(),
    page: (selection, limit) => queries.page(selection, limit).map(toStoredEvent),
    *iterate(selection) {
      for (const row of queries.iterate(selection)) yield toStoredEvent(row);
    },
    timeRange: (selection) => queries.timeRange(selection),
    summary: (request) => finalizeSummary(summaries.partial(request), request.groupBy),
    partialSummary,
    listBudgets: () => budgets.list(),
    async putBudget(budget) {
      budgets.put(budget, clock.now());
      await durably('budgets');
    },
    async removeBudget(id) {
      const removed = budgets.remove(id);
      if (removed) await durably('budgets');
      return removed;
    },
    budgetStatus: () => computeBudgetStatus(budgets.list(), partialSummary, clock.now(), timeZone),
    overrides: () => pricing.overrides(),
    priceFor: (model, provider, at) => pricing.priceFor(model, provider, at),
    async putOverride(model, override) {
      const outcome = overrides.put(model, override);
      await durably('prices');
      return outcome;
    },
    async removeOverride(model) {
      const outcome = overrides.remove(model);
      if (outcome.removed) await durably('prices');
      return outcome;
    },
    totalsByModel: () => parts.totalsByModel(),
    async close() {
      await writer.close();
      await parts.checkpointer.close();
      parts.shrinker.close();
      await parts.durability.close();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
