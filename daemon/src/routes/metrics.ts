import { Hono } from 'hono';
import type { RouteDeps } from './route-deps';

/** `GET /metrics`: Prometheus text (events, tokens and cost by model, ingest latency, stream subscribers). */
export function metricsRoutes({ store, metrics, streamClients }: RouteDeps): Hono {
  const app = new Hono();
  app.get('/metrics', (c) => {
    const text = metrics.render({
      count: () => store.count(),
      subscriberCount: streamClients,
      totalsByModel: () => store.totalsByModel(),
    });
    return c.text(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  return app;
}
