import { Hono } from 'hono';
import { summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { invalid } from '../http-error';
import { readJson } from './request-input';
import type { RouteDeps } from './route-deps';

/** `POST /v1/tokens/count`: `{text}` or `{messages}`, with `model` or `encoding` → `{tokens, encoding, exact}`. */
export function tokenRoutes({ countTokens }: RouteDeps): Hono {
  const app = new Hono();
  app.post('/v1/tokens/count', async (c) => {
    const counted = await countTokens(await readJson(c));
    if (!counted.ok) throw invalid('invalid_body', counted.issues, summarizeIssues(counted.issues));
    return c.json(counted.value);
  });
  return app;
}
