import type Database from 'better-sqlite3';
import { type PriceOverride, priceOverrideSchema } from '@tokentally/shared/pricing/price-override';

/** The user's price overrides kept in SQLite, keyed by the normalized model name. */
export interface PriceOverrideRepository {
  all(): Record<string, PriceOverride>;
  put(model: string, override: PriceOverride, now: number): void;
  remove(model: string): boolean;
}

/** Prepares the override statements of a connection. */
export function createPriceOverrideRepository(db: Database.Database): PriceOverrideRepository {
  const all = db.prepare('SELECT model, rates FROM price_overrides ORDER BY model').raw(true);
  const upsert = db.prepare(
    `INSERT INTO price_overrides (model, rates, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (model) DO UPDATE SET rates = excluded.rates, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM price_overrides WHERE model = ?');
  return {
    all() {
      const entries: [string, PriceOverride][] = [];
      for (const row of all.all()) {
        if (!Array.isArray(row)) continue;
        const model: unknown = row[0];
        const rates: unknown = row[1];
        if (typeof model !== 'string' || typeof rates !== 'string') continue;
        // Stored overrides are themselves valid bodies, so they re-parse to the same rates.
        entries.push([model, priceOverrideSchema.parse(JSON.parse(rates))]);
      }
      return Object.fromEntries(entries);
    },
    put(model, override, now) {
      upsert.run(model, JSON.stringify(override), now);
    },
    remove: (model) => remove.run(model).changes > 0,
  };
}
