import { parseUsageEvents } from '../../../shared/src/schema/parse-events';
import type { UsageEvent } from '../../../shared/src/schema/usage-event';
import { openDatabase } from '../../../daemon/src/store/database';
import { createEventIdGenerator } from '../../../daemon/src/store/event-id';
import { createEventInserter } from '../../../daemon/src/store/event-inserter';
import { createPricing } from '../../../daemon/src/store/pricing';

/** JSON.parse and the daemon's own validation of one request body, as the ingest routes run them. */
export function parseBody(body: string): UsageEvent[] {
  const parsed = parseUsageEvents(JSON.parse(body), { now: Date.now() });
  if (!parsed.ok)
    throw new Error(`the benchmark's own events were refused: ${JSON.stringify(parsed.issues[0])}`);
  return parsed.events;
}

/**
 * The daemon's storage half on a fresh database: pricing, the insert with its duplicate check, and the rollups,
 * one transaction per batch. Commits are not fsynced: the figures are a ceiling, not what a durable ack costs.
 */
export function openPipelineStore(path: string): {
  write(events: readonly UsageEvent[]): number;
  close(): void;
} {
  const db = openDatabase(path);
  const pricing = createPricing({});
  const inserter = createEventInserter(db, {
    price: () => pricing.eventPricer(),
    nextId: createEventIdGenerator(() => Date.now()),
  });
  const transaction = db.transaction((events: readonly UsageEvent[]) => {
    const result = inserter.insert(events, Date.now(), []);
    inserter.finish();
    return result.accepted;
  });
  return {
    write(events) {
      const accepted = transaction(events);
      inserter.committed();
      return accepted;
    },
    close: () => {
      db.close();
    },
  };
}
