import { Hono } from 'hono';
import type { RouteDeps } from './route-deps';

/** `GET /healthz`: liveness, version, how many events are stored and where. */
export function healthRoutes({ store, version, clock }: RouteDeps): Hono {
  const app = new Hono();
  const startedAt = clock.now();
  app.get('/healthz', (c) =>
    c.json({
      status: 'ok',
      version,
      events: store.count(),
      last_seq: store.lastSeq(),
      db_path: store.dbPath,
      pid: process.pid,
      uptime_s: Math.round((clock.now() - startedAt) / 1000),
    }),
  );
  return app;
}
