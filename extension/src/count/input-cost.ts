import { emptyTokenUsage } from '@tokentally/shared/schema/token-usage';

/** What sending a count as input would cost: in USD and the rate applied (USD per million), null when unpriced. */
export interface InputCost {
  usd: number | null;
  per_million: number | null;
}

/**
 * The cost of `tokens` input tokens to `model` at `at` (epoch ms), with shared's prices. The price catalog is
 * loaded on the first call only, so the popup opens without it.
 */
export async function inputCost(model: string, tokens: number, at: number): Promise<InputCost> {
  const [{ resolvePrice }, { computeCost }, { ratesForInput }] = await Promise.all([
    import('@tokentally/shared/pricing/price-resolver'),
    import('@tokentally/shared/cost'),
    import('@tokentally/shared/pricing/model-price'),
  ]);
  const price = resolvePrice(model, { at });
  const cost = computeCost({ ...emptyTokenUsage(), input_tokens: tokens }, price);
  const perMillion = price === undefined ? null : ratesForInput(price, tokens).input;
  return { usd: cost.cost_usd, per_million: perMillion };
}
