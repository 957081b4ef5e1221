import { Dexie, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { HourRow } from '@tokentally/shared/aggregate/hour-row';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { EVENT_META_KEYS } from './meta';

/** The IndexedDB database name of the mirror. */
export const MIRROR_DB_NAME = 'tokentally-mirror';

/** A stored event as mirrored: the daemon's event plus `ts_ms` (its time in epoch ms, which IndexedDB can range over). */
export type MirroredEvent = StoredEvent & { ts_ms: number };

/** The primary key of an event chunk: its UTC hour, then the seq of its first event. */
export type ChunkKey = [hour_start_ms: number, first_seq: number];

/**
 * Events of one UTC hour written by one batch (later small batches may append to it), in seq order. Chromium
 * spends about the same CPU on an IndexedDB record whatever its size, so events are stored a chunk per record.
 */
export interface EventChunk {
  hour_start_ms: number;
  first_seq: number;
  last_seq: number;
  count: number;
  events: MirroredEvent[];
}

/** Where an hour's newest event chunk starts and how many events it holds (whether a write may append to it). */
export interface NewestChunk {
  first_seq: number;
  count: number;
}

/** The hour rollups of one UTC hour: one `HourRow` per model x provider x agent x project x source. */
export interface RollupHour {
  hour_start_ms: number;
  rows: HourRow[];
  newest_chunk: NewestChunk;
}

/** One value of the `meta` table; each key's value has its own schema (see `meta.ts`). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

// Version 2 stores events in chunks and rollups per hour. Its upgrade drops version 1's tables and the meta
// describing them: the mirror is only a cache, so the worker refills it from the daemon from seq 0.
async function forgetVersion1Events(transaction: Transaction): Promise<void> {
  await transaction.table('meta').bulkDelete([...EVENT_META_KEYS]);
}

/**
 * The extension's IndexedDB mirror of the daemon. Schema versions are only ever added, never edited: a change
 * is a new `this.version(n + 1)` with its upgrade.
 */
export class TokentallyMirror extends Dexie {
  declare event_chunks: Table<EventChunk, ChunkKey>;
  declare rollup_hours: EntityTable<RollupHour, 'hour_start_ms'>;
  declare meta: EntityTable<MetaRecord, 'key'>;

  constructor(name: string = MIRROR_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      // Every index costs each write; the rollups answer totals and breakdowns, so only time is indexed.
      events: 'seq, ts_ms',
      rollups: 'key, hour_start_ms',
      meta: 'key',
    });
    this.version(2)
      .stores({
        events: null,
        rollups: null,
        // `last_seq` finds the events after a seq (the popup's new events) without reading older chunks.
        event_chunks: '[hour_start_ms+first_seq], last_seq',
        rollup_hours: 'hour_start_ms',
      })
      .upgrade(forgetVersion1Events);
  }
}

/**
 * How the background worker, the mirror's only writer, opens it: no cache of query results (it runs no live
 * queries) and relaxed durability (a lost write after a crash is replayed from the daemon, as last_seq is lost
 * with it).
 */
export const WRITER_OPTIONS: DexieOptions = { cache: 'disabled', chromeTransactionDurability: 'relaxed' };

/** Opens (creating or upgrading as needed) the mirror; pass `options` to use another IndexedDB, e.g. in tests. */
export function openMirror(name: string = MIRROR_DB_NAME, options?: DexieOptions): TokentallyMirror {
  return new TokentallyMirror(name, options);
}
