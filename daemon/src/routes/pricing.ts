import { Hono } from 'hono';
import { z } from 'zod';
import {
  overrideModelSchema,
  parsePriceOverride,
  type PriceOverride,
} from '@tokentally/shared/pricing/price-override';
import { summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { ApiError, invalid } from '../http-error';
import { parseQuery, readJson, timeParam } from './request-input';
import type { RouteDeps } from './route-deps';

const pricingQuerySchema = z.strictObject({
  model: z.string().min(1).max(200).optional(),
  provider: z.string().min(1).max(64).optional(),
  at: z.union([z.iso.datetime({ offset: true }), z.iso.date(), z.coerce.number().int().min(0)]).optional(),
});

function overrideModel(raw: string): string {
  const parsed = overrideModelSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'invalid model';
  throw invalid('invalid_override', [{ index: null, path: 'model', message }], `model: ${message}`);
}

const overrideView = (model: string, rates: PriceOverride) => ({ model, ...rates });

/**
 * `GET /v1/pricing[?model=M]` (the overrides, and M's resolved price, null when unpriced) and
 * `PUT`/`DELETE /v1/pricing/overrides/:model`, which re-price the stored events of the models they match.
 */
export function pricingRoutes({ store, clock }: RouteDeps): Hono {
  const app = new Hono();

  app.get('/v1/pricing', (c) => {
    const query = parseQuery(c, pricingQuerySchema);
    const overrides = Object.entries(store.overrides()).map(([model, rates]) => overrideView(model, rates));
    if (query.model === undefined) return c.json({ overrides });
    const price = store.priceFor(query.model, query.provider, timeParam(query.at) ?? clock.now());
    return c.json({ model: query.model, price: price ?? null, overrides });
  });

  // `{.+}`: a model may contain an encoded slash (`openai%2Fgpt-4o`).
  app.put('/v1/pricing/overrides/:model{.+}', async (c) => {
    const model = overrideModel(c.req.param('model'));
    const parsed = parsePriceOverride(await readJson(c));
    if (!parsed.ok) throw invalid('invalid_override', parsed.issues, summarizeIssues(parsed.issues));
    const { key, repriced } = await store.putOverride(model, parsed.value);
    return c.json({ ...overrideView(key, parsed.value), repriced_events: repriced });
  });

  app.delete('/v1/pricing/overrides/:model{.+}', async (c) => {
    const model = overrideModel(c.req.param('model'));
    const { removed, repriced } = await store.removeOverride(model);
    if (!removed) throw new ApiError(404, 'not_found', `no price override for "${model}"`);
    return c.json({ deleted: true, model, repriced_events: repriced });
  });

  return app;
}
