import { type Context, Hono } from 'hono';
import { eventListQuerySchema } from '@tokentally/shared/api/query';
import { summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { parseUsageEvents } from '@tokentally/shared/schema/parse-events';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { ApiError, invalid } from '../http-error';
import { WriterClosedError } from '../store/writer';
import { labelFilter, parseQuery, readJson, timeParam } from './request-input';
import type { RouteDeps } from './route-deps';

/** `POST /v1/events` (store, all or nothing, answered once durable) and `GET /v1/events` (read by seq). */
export function eventRoutes({ store, clock, metrics }: RouteDeps): Hono {
  const app = new Hono();

  // Parsed in a function of its own so that the body and its parse are garbage while the commit is awaited.
  async function eventsOf(c: Context): Promise<UsageEvent[]> {
    const parsed = parseUsageEvents(await readJson(c), { now: clock.now() });
    if (!parsed.ok) throw invalid('invalid_events', parsed.issues, summarizeIssues(parsed.issues));
    return parsed.events;
  }

  app.post('/v1/events', async (c) => {
    const started = performance.now();
    try {
      const result = await store.ingest(await eventsOf(c));
      metrics.observeIngest((performance.now() - started) / 1000, result.accepted, result.duplicates);
      return c.json(result);
    } catch (error) {
      if (error instanceof WriterClosedError) throw new ApiError(503, 'shutting_down', error.message);
      throw error;
    }
  });

  app.get('/v1/events', (c) => {
    const query = parseQuery(c, eventListQuerySchema);
    const after = query.after;
    // Read together in one turn of the event loop, so nothing commits in between.
    const committed = store.lastSeq();
    const events = store.page(
      {
        after,
        from: timeParam(query.from) ?? Number.NEGATIVE_INFINITY,
        to: timeParam(query.to) ?? Number.POSITIVE_INFINITY,
        filter: labelFilter(query),
      },
      query.limit,
    );
    const last = events.at(-1);
    // A short page saw every committed event, so the next poll can start after the newest one even if the
    // filters skipped it; a full page continues after its last event.
    const nextAfter =
      events.length === query.limit && last !== undefined ? last.seq : Math.max(after, committed);
    return c.json({ events, next_after: nextAfter });
  });

  return app;
}
