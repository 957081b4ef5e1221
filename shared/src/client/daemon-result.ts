import type { z } from 'zod';
import { apiErrorSchema } from '../api/ingest';
import { type EventIssue, issuesFromZod } from '../schema/event-issues';
import type { ResponseLike } from './transport';

/**
 * Why a call failed: the daemon's own error (`status` 4xx/5xx, its `code`, `message` and `issues`), or one the
 * client names: `unreachable` (no answer; status 0), `invalid_response` (an answer that breaks the contract),
 * `http_error` (an error status without the daemon's error body).
 */
export interface DaemonError {
  status: number;
  code: string;
  message: string;
  issues?: EventIssue[];
}

/** The outcome of a daemon call: its validated answer, or why it failed. */
export type DaemonResult<T> = { ok: true; value: T } | { ok: false; error: DaemonError };

/** A successful result. */
export const success = <T>(value: T): DaemonResult<T> => ({ ok: true, value });

/** A failed result. */
export const failure = (error: DaemonError): { ok: false; error: DaemonError } => ({ ok: false, error });

/** The error for a request that got no answer at all (daemon not running, connection refused, DNS...). */
export function unreachable(baseUrl: string, cause: unknown): DaemonError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { status: 0, code: 'unreachable', message: `cannot reach the daemon at ${baseUrl}: ${reason}` };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Turns an error answer into a `DaemonError`, using the daemon's error body when it has one. */
export function errorFromBody(status: number, text: string): DaemonError {
  const json = parseJson(text);
  const parsed = json.ok ? apiErrorSchema.safeParse(json.value) : undefined;
  if (parsed?.success === true) {
    const { code, message, issues } = parsed.data.error;
    return { status, code, message, ...(issues === undefined ? {} : { issues }) };
  }
  const snippet = text.trim().slice(0, 200);
  return { status, code: 'http_error', message: `HTTP ${status}${snippet === '' ? '' : `: ${snippet}`}` };
}

/** Validates an answer's body text against its schema; a body that is not JSON or not that shape is `invalid_response`. */
export function decodeBody<S extends z.ZodType>(
  status: number,
  text: string,
  schema: S,
): DaemonResult<z.output<S>> {
  const json = parseJson(text);
  if (!json.ok)
    return failure({ status, code: 'invalid_response', message: 'the daemon answered with invalid JSON' });
  // reportInput lets issuesFromZod tell a missing field from a wrong-typed one.
  const parsed = schema.safeParse(json.value, { reportInput: true });
  if (parsed.success) return success(parsed.data);
  return failure({
    status,
    code: 'invalid_response',
    message: 'the daemon answered in an unexpected shape (is it a different version?)',
    issues: issuesFromZod(null, parsed.error.issues),
  });
}

/** Reads a response: its validated body on a 2xx status, a `DaemonError` otherwise. */
export async function readAnswer<S extends z.ZodType>(
  response: ResponseLike,
  schema: S,
): Promise<DaemonResult<z.output<S>>> {
  const text = await response.text();
  const isSuccess = response.status >= 200 && response.status < 300;
  return isSuccess
    ? decodeBody(response.status, text, schema)
    : failure(errorFromBody(response.status, text));
}
