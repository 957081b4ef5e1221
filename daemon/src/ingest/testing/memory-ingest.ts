import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import type { IngestEvents } from '../log-types';

/** An in-memory stand-in for the daemon's store: keeps events in order and, like it, stores a known id once. */
export interface MemoryIngest {
  ingest: IngestEvents;
  events: UsageEvent[];
  /** How many events were offered, duplicates included. */
  offered: number;
}

/** Creates an empty in-memory store. */
export function memoryIngest(): MemoryIngest {
  const ids = new Set<string>();
  const store: MemoryIngest = {
    events: [],
    offered: 0,
    ingest(batch) {
      store.offered += batch.length;
      let accepted = 0;
      for (const event of batch) {
        if (event.id !== undefined && ids.has(event.id)) continue;
        if (event.id !== undefined) ids.add(event.id);
        store.events.push(event);
        accepted++;
      }
      const last = store.events.length;
      const result: IngestResult = {
        accepted,
        duplicates: batch.length - accepted,
        first_seq: accepted > 0 ? last - accepted + 1 : null,
        last_seq: accepted > 0 ? last : null,
      };
      return Promise.resolve(result);
    },
  };
  return store;
}
