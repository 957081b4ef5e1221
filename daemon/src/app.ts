import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Clock } from './clock';
import { ApiError } from './http-error';
import type { Logger } from './logger';
import type { DaemonMetrics } from './metrics/daemon-metrics';
import { budgetRoutes } from './routes/budgets';
import { eventRoutes } from './routes/events';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { pricingRoutes } from './routes/pricing';
import type { RouteDeps } from './routes/route-deps';
import { summaryRoutes } from './routes/summary';
import { tokenRoutes } from './routes/tokens';
import { createTracesRoute } from './routes/traces';
import { type SecurityPolicy, securityGuard } from './security';
import { countTokensRequest } from '@tokentally/shared/tokens/count-tokens';
import type { EventStore } from './store/event-store';
import { writeGuard } from './write-guard';

/** What the app is built from. */
export interface AppDeps {
  store: EventStore;
  clock: Clock;
  logger: Logger;
  security: SecurityPolicy;
  metrics: DaemonMetrics;
  version: string;
  streamClients?: () => number;
  /** More routes (e.g. `POST /v1/traces` from ingest/); they sit behind the same guards and error handler. */
  extraRoutes?: (app: Hono, deps: RouteDeps) => void;
}

/**
 * Builds the daemon's HTTP app: the security and body guards in front of every route, one route module per
 * resource, and one error handler that turns every failure into `{"error": {"code", "message", "issues"?}}`.
 */
export function createApp(deps: AppDeps): Hono {
  const routeDeps: RouteDeps = {
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger,
    metrics: deps.metrics,
    version: deps.version,
    streamClients: deps.streamClients ?? (() => 0),
    countTokens: (body) => countTokensRequest(body),
  };
  const app = new Hono();
  app.use('*', securityGuard(deps.security));
  app.use('*', writeGuard());
  for (const routes of [
    eventRoutes,
    summaryRoutes,
    budgetRoutes,
    pricingRoutes,
    tokenRoutes,
    exportRoutes,
    healthRoutes,
    metricsRoutes,
  ]) {
    app.route('/', routes(routeDeps));
  }
  app.route(
    '/v1/traces',
    createTracesRoute({
      ingest: (events) => deps.store.ingest(events),
      clock: deps.clock,
      logger: deps.logger,
      metrics: deps.metrics,
    }),
  );
  // Upgrades are taken over before they reach the app (stream/websocket-server.ts); a plain GET lands here.
  app.get('/v1/stream', () => {
    throw new ApiError(426, 'upgrade_required', '/v1/stream is a WebSocket: connect with Upgrade: websocket');
  });
  deps.extraRoutes?.(app, routeDeps);

  app.notFound((c) =>
    c.json(new ApiError(404, 'not_found', `no endpoint ${c.req.method} ${c.req.path}`).body(), 404),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body(), error.status);
    if (error instanceof HTTPException) {
      const status = error.status >= 400 && error.status < 500 ? error.status : 500;
      const wrapped = new ApiError(
        status,
        status === 500 ? 'internal' : 'bad_request',
        error.message || 'bad request',
      );
      return c.json(wrapped.body(), wrapped.status);
    }
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error: String(error) });
    return c.json(new ApiError(500, 'internal', 'the daemon failed to answer; see its log').body(), 500);
  });
  return app;
}
