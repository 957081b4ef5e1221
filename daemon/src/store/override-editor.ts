import { normalizeOverrideKey } from '@tokentally/shared/pricing/model-names';
import type { PriceOverride } from '@tokentally/shared/pricing/price-override';
import type { Clock } from '../clock';
import { modelsAffectedBy } from './pricing';
import { repriceModels } from './repricing';
import type { StoreParts } from './store-parts';

/**
 * Changes price overrides. Costs follow current prices: setting or removing an override re-prices the computed
 * and unpriced events of every model it matches and rebuilds their rollups, in the same transaction as the
 * override itself. It runs synchronously, so no group commit interleaves; events written afterwards are priced
 * with the new override.
 */
export function createOverrideEditor(parts: StoreParts, clock: Clock) {
  const { db, pricing, overrideRows } = parts;

  function apply(key: string, change: () => void): number {
    const previous = pricing.overrides();
    try {
      return db.transaction(() => {
        change();
        pricing.replace(overrideRows.all());
        const models = modelsAffectedBy(key, parts.models());
        return repriceModels(db, models, (model, provider, at) => pricing.priceFor(model, provider, at));
      })();
    } catch (error) {
      pricing.replace(previous);
      throw error;
    }
  }

  return {
    put(model: string, override: PriceOverride): { key: string; repriced: number } {
      const key = normalizeOverrideKey(model);
      const repriced = apply(key, () => {
        overrideRows.put(key, override, clock.now());
      });
      return { key, repriced };
    },
    remove(model: string): { removed: boolean; repriced: number } {
      const key = normalizeOverrideKey(model);
      if (!Object.hasOwn(pricing.overrides(), key)) return { removed: false, repriced: 0 };
      const repriced = apply(key, () => overrideRows.remove(key));
      return { removed: true, repriced };
    },
  };
}
