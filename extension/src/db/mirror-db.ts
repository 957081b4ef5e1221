import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { HourRow } from '@tokentally/shared/aggregate/hour-row';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';

/** The IndexedDB database name of the mirror. */
export const MIRROR_DB_NAME = 'tokentally-mirror';

/** A stored event as mirrored: the daemon's event plus `ts_ms` (its time in epoch ms, which IndexedDB can range over). */
export type MirroredEvent = StoredEvent & { ts_ms: number };

/** An hour rollup as mirrored, keyed by `rollupKey(row)`. */
export type RollupRow = HourRow & { key: string };

/** One value of the `meta` table; each key's value has its own schema (see `meta.ts`). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * The extension's IndexedDB mirror of the daemon. Schema versions are only ever added, never edited: a change
 * is a new `this.version(n + 1)` with its upgrade.
 */
export class TokentallyMirror extends Dexie {
  declare events: EntityTable<MirroredEvent, 'seq'>;
  declare rollups: EntityTable<RollupRow, 'key'>;
  declare meta: EntityTable<MetaRecord, 'key'>;

  constructor(name: string = MIRROR_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      // Every index costs each write; the rollups answer totals and breakdowns, so only time is indexed.
      events: 'seq, ts_ms',
      rollups: 'key, hour_start_ms',
      meta: 'key',
    });
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
