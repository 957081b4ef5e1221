import type Database from 'better-sqlite3';
import { computeCost } from '@tokentally/shared/cost';
import type { ModelPrice } from '@tokentally/shared/pricing/model-price';
import { rebuildRollups } from './rollups';

/** Prices a model for a provider at an instant (epoch ms), with the prices now in force. */
export type PriceLookup = (model: string, provider: string, at: number) => ModelPrice | undefined;

const PAGE = 5000;

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/**
 * Re-prices every computed or unpriced event of the given models with the current prices (a reported cost never
 * changes) and rebuilds their rollups. Run inside one transaction with the override change, so readers see the
 * old costs or the new ones, never a mix. Answers how many events changed cost.
 */
export function repriceModels(
  db: Database.Database,
  models: readonly string[],
  priceOf: PriceLookup,
): number {
  if (models.length === 0) return 0;
  const placeholders = models.map(() => '?').join(', ');
  const select = db
    .prepare(
      `SELECT seq, model, provider, ts, input_tokens, output_tokens, cache_creation_input_tokens,
         cache_creation_1h_input_tokens, cache_read_input_tokens, reasoning_tokens, cost_usd, cost_source
       FROM events WHERE seq > ? AND model IN (${placeholders}) AND cost_source <> 'reported'
       ORDER BY seq LIMIT ${PAGE}`,
    )
    .raw(true);
  const update = db.prepare('UPDATE events SET cost_usd = ?, cost_source = ? WHERE seq = ?');
  let after = 0;
  let changed = 0;
  for (;;) {
    const rows = select.all(after, ...models).filter((row): row is unknown[] => Array.isArray(row));
    for (const row of rows) {
      const [seq, model, provider, ts] = row;
      const usage = {
        input_tokens: num(row[4]),
        output_tokens: num(row[5]),
        cache_creation_input_tokens: num(row[6]),
        cache_creation_1h_input_tokens: num(row[7]),
        cache_read_input_tokens: num(row[8]),
        reasoning_tokens: num(row[9]),
      };
      const cost = computeCost(usage, priceOf(String(model), String(provider), num(ts)));
      if (cost.cost_usd !== row[10] || cost.cost_source !== row[11]) {
        update.run(cost.cost_usd, cost.cost_source, seq);
        changed += 1;
      }
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) break;
    after = num(last[0]);
  }
  rebuildRollups(db, models);
  return changed;
}
