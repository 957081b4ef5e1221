import type Database from 'better-sqlite3';
import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { Cost } from '@tokentally/shared/cost';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { EVENT_COLUMNS, type EventRow } from './event-row';
import { createRollupAccumulator } from './rollups';

/** Prices an event with the prices in force when it is written. */
export type PriceEvent = (event: UsageEvent) => Cost;

/** Writes events inside the writer's transaction and keeps `seq` gapless across commits and rollbacks. */
export interface EventInserter {
  /** Inserts one request's events; a known id stores nothing and counts as a duplicate. */
  insert(events: readonly UsageEvent[], receivedAt: number, inserted: EventRow[]): IngestResult;
  /** Writes the rollups of everything inserted since the last commit; call last in the transaction. */
  finish(): void;
  /** The transaction committed: its seqs are taken. */
  committed(): void;
  /** The transaction rolled back: its seqs are free again. */
  rolledBack(): void;
  /** The highest committed seq (0 when empty). */
  lastSeq(): number;
}

/** Prepares the insert statements of a connection; `nextId` names events sent without an id. */
export function createEventInserter(
  db: Database.Database,
  deps: { price: () => PriceEvent; nextId: () => string },
): EventInserter {
  const insert = db.prepare(
    `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (id) DO NOTHING`,
  );
  const maxSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck();
  const rollups = createRollupAccumulator(db);
  const initial = maxSeq.get();
  let committedSeq = typeof initial === 'number' ? initial : 0;
  let seq = committedSeq;

  return {
    insert(events, receivedAt, inserted) {
      // Read once per request: a re-pricing cannot happen inside a transaction.
      const price = deps.price();
      let accepted = 0;
      let firstSeq: number | null = null;
      for (const event of events) {
        const cost = price(event);
        const row: EventRow = [
          seq + 1,
          event.id ?? deps.nextId(),
          event.ts,
          receivedAt,
          event.model,
          event.provider,
          event.input_tokens,
          event.output_tokens,
          event.cache_creation_input_tokens,
          event.cache_creation_1h_input_tokens,
          event.cache_read_input_tokens,
          event.reasoning_tokens,
          cost.cost_usd,
          cost.cost_source,
          event.agent ?? null,
          event.session_id ?? null,
          event.project ?? null,
          event.tool ?? null,
          event.request_id ?? null,
          event.source,
          event.duration_ms ?? null,
          event.status,
          event.error ?? null,
          event.tags === undefined ? null : JSON.stringify(event.tags),
        ];
        // Spread, not the array: better-sqlite3 binds arguments about 1 µs per row faster than array elements.
        if (insert.run(...row).changes === 0) continue;
        seq += 1;
        firstSeq ??= seq;
        accepted += 1;
        rollups.add(row);
        inserted.push(row);
      }
      return {
        accepted,
        duplicates: events.length - accepted,
        first_seq: firstSeq,
        last_seq: firstSeq === null ? null : seq,
      };
    },
    finish: () => {
      rollups.flush();
    },
    committed() {
      committedSeq = seq;
    },
    rolledBack() {
      seq = committedSeq;
      rollups.clear();
    },
    lastSeq: () => committedSeq,
  };
}
