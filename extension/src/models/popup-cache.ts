import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { DayTable } from './popup-day-table';

/** The IndexedDB database of the popup's own cache (apart from the worker's mirror, which it derives from). */
export const POPUP_CACHE_DB_NAME = 'tokentally-popup-cache';

/**
 * What the popup keeps between openings: the mirror summed per local day, one table per time zone. Schema
 * versions are only ever added, never edited. Deleting the database loses nothing: it is rebuilt from the mirror.
 */
export class PopupCache extends Dexie {
  declare day_tables: EntityTable<DayTable, 'tz'>;

  constructor(name: string = POPUP_CACHE_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ day_tables: 'tz' });
  }
}

/** Opens the popup's cache; pass `options` to use another IndexedDB, e.g. in tests. */
export function openPopupCache(name: string = POPUP_CACHE_DB_NAME, options?: DexieOptions): PopupCache {
  return new PopupCache(name, options);
}
