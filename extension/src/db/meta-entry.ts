import type { z } from 'zod';
import type { TokentallyMirror } from './mirror-db';

/** A typed value of the mirror's `meta` table. */
export interface MetaEntry<T> {
  readonly key: string;
  /** The stored value, or undefined when absent or no longer valid (e.g. written by an older version). */
  read(db: TokentallyMirror): Promise<T | undefined>;
  write(db: TokentallyMirror, value: T): Promise<void>;
}

/** Declares a `meta` key with the schema its value is validated with on every read. */
export function defineMetaEntry<S extends z.ZodType>(key: string, schema: S): MetaEntry<z.output<S>> {
  return {
    key,
    async read(db) {
      const record = await db.meta.get(key);
      if (record === undefined) return undefined;
      const parsed = schema.safeParse(record.value);
      return parsed.success ? parsed.data : undefined;
    },
    async write(db, value) {
      await db.meta.put({ key, value });
    },
  };
}
