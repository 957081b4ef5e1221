import { Hono } from 'hono';
import { summaryQuerySchema } from '@tokentally/shared/api/query';
import { labelFilter, parseQuery, timeParam, timeZoneParam } from './request-input';
import type { RouteDeps } from './route-deps';

/** `GET /v1/summary`: totals and groups, read from the rollups (see store/summary-query.ts). */
export function summaryRoutes({ store }: RouteDeps): Hono {
  const app = new Hono();
  app.get('/v1/summary', (c) => {
    const query = parseQuery(c, summaryQuerySchema);
    const tz = timeZoneParam(query.tz);
    return c.json(
      store.summary({
        filter: labelFilter(query),
        from: timeParam(query.from, tz),
        to: timeParam(query.to, tz),
        groupBy: query.group_by,
        tz,
      }),
    );
  });
  return app;
}
