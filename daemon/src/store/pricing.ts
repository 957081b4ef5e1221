import { computeCost } from '@tokentally/shared/cost';
import type { ModelPrice } from '@tokentally/shared/pricing/model-price';
import { normalizeOverrideKey, overrideKeys } from '@tokentally/shared/pricing/model-names';
import type { PriceOverride } from '@tokentally/shared/pricing/price-override';
import { createPriceResolver } from '@tokentally/shared/pricing/price-resolver';
import type { PriceEvent } from './event-inserter';

/** The prices in force: genai-prices' bundled table under the user's overrides. */
export interface Pricing {
  overrides(): Readonly<Record<string, PriceOverride>>;
  /** Switches to a new set of overrides (the memo of resolved models starts over). */
  replace(overrides: Readonly<Record<string, PriceOverride>>): void;
  priceFor(model: string, provider: string | undefined, at: number): ModelPrice | undefined;
  /** The cost function for events written from now on. */
  eventPricer(): PriceEvent;
}

/** Creates the pricing state from the stored overrides. */
export function createPricing(initial: Readonly<Record<string, PriceOverride>>): Pricing {
  let overrides = initial;
  let resolver = createPriceResolver({ overrides });
  let pricer: PriceEvent = pricerOf(resolver);

  function pricerOf(current: typeof resolver): PriceEvent {
    return (event) =>
      computeCost(
        event,
        current.priceFor(event.model, { provider: event.provider, at: event.ts }),
        event.cost_usd,
      );
  }

  return {
    overrides: () => overrides,
    replace(next) {
      overrides = next;
      resolver = createPriceResolver({ overrides });
      pricer = pricerOf(resolver);
    },
    priceFor: (model, provider, at) => resolver.priceFor(model, { provider, at }),
    eventPricer: () => pricer,
  };
}

/** The stored models whose price an override under `key` can change (it matches them as given, unprefixed or undated). */
export function modelsAffectedBy(key: string, models: readonly string[]): string[] {
  const normalized = normalizeOverrideKey(key);
  return models.filter((model) => overrideKeys(model).includes(normalized));
}
