import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './http-error';
import { requestHeader } from './request-header';

/** The largest request body the daemon reads (SPEC: 10 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const tooLarge = (): never => {
  const message = `the request body is larger than ${MAX_BODY_BYTES} bytes (10 MB)`;
  throw new ApiError(413, 'payload_too_large', message, { issues: [{ index: null, path: 'body', message }] });
};

/**
 * Guards request bodies: a write must be `application/json` (OTLP's `application/x-protobuf` too on
 * `/v1/traces`), so a web page cannot post a form, else 415; a body over 10 MB is refused with 413 — by its
 * Content-Length up front, or while it streams in when it has none.
 */
export function writeGuard({ maxBytes = MAX_BODY_BYTES }: { maxBytes?: number } = {}): MiddlewareHandler {
  const limitChunked = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (!WRITES.has(c.req.method)) return next();
    const type = mediaType(requestHeader(c, 'content-type'));
    const protobuf = c.req.path === '/v1/traces' && type === 'application/x-protobuf';
    if (type !== 'application/json' && !protobuf) {
      const expected = `application/json${c.req.path === '/v1/traces' ? ' or application/x-protobuf' : ''}`;
      const message = `expected ${expected}, got "${requestHeader(c, 'content-type') ?? 'none'}"`;
      throw new ApiError(415, 'unsupported_media_type', `Content-Type: ${message}`, {
        issues: [{ index: null, path: 'content-type', message }],
      });
    }
    const length = requestHeader(c, 'content-length');
    if (length !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
      // Node's parser reads exactly Content-Length bytes, so checking the header bounds the body.
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return limitChunked(c, next);
  };
}
