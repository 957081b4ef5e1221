import type { Context } from 'hono';
import type { z } from 'zod';
import { bucketStart } from '@tokentally/shared/aggregate/time-bucket';
import { offsetAt, parseTimeZone } from '@tokentally/shared/aggregate/time-zone';
import type { LabelFilter } from '@tokentally/shared/aggregate/event-filter';
import type { EventFilter } from '@tokentally/shared/api/query';
import { issuesFromZod, summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { ApiError, invalid } from '../http-error';

/** Parses the query string with a schema; a bad or unknown parameter is a 400 naming it. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const issues = issuesFromZod(null, parsed.error.issues).map((issue) =>
    issue.message === 'unknown field' ? { ...issue, message: 'unknown query parameter' } : issue,
  );
  throw invalid('invalid_query', issues, summarizeIssues(issues));
}

/** Parses a JSON body with a schema; each bad field is named in a 400. */
export function parseBody<S extends z.ZodType>(body: unknown, schema: S, code = 'invalid_body'): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = issuesFromZod(null, parsed.error.issues);
  throw invalid(code, issues, summarizeIssues(issues));
}

/**
 * Reads the request body as JSON; malformed JSON is a 400 saying where it broke. The text is read from the raw
 * request, which Hono would otherwise keep cached until the answer is sent (for an ingest, until the commit is
 * durable): under load those bodies outlive young-generation GCs and swell the heap.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.raw.text();
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${detail}`, {
      issues: [{ index: null, path: '', message: detail }],
    });
  }
}

/** A validated IANA zone, or a 400 naming `tz`. */
export function timeZoneParam(tz: string): string {
  const zone = parseTimeZone(tz);
  if (zone.ok) return zone.value;
  throw invalid('invalid_query', [{ index: null, path: 'tz', message: zone.message }], `tz: ${zone.message}`);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A query time as epoch ms: epoch ms as is, RFC 3339 as written, a bare date at local midnight in `tz`. */
export function timeParam(value: string | number | undefined, tz = 'UTC'): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (!DATE_ONLY.test(value)) return Date.parse(value);
  const utcNoon = Date.parse(`${value}T12:00:00Z`);
  // Local noon of that date is the same instant minus the offset; its day bucket starts at local midnight.
  return bucketStart(utcNoon - offsetAt(utcNoon, tz), 'day', tz);
}

/** The label filters of a query (what `from`/`to` leave). */
export function labelFilter(query: EventFilter): LabelFilter {
  const filter: LabelFilter = {};
  for (const key of ['model', 'provider', 'agent', 'project', 'session_id', 'source'] as const) {
    const value = query[key];
    if (value !== undefined) filter[key] = value;
  }
  return filter;
}
