import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './http-error';
import { requestHeader } from './request-header';

/** Who may call the daemon (SPEC section 2, "Who may call it"). */
export interface SecurityPolicy {
  /** The port the daemon listens on (known once it listens; the Host check needs it). */
  port(): number;
  token: string;
  /** Every request needs the token, not only those from a browser. */
  requireToken: boolean;
  /** Web origins the user allowed besides browser extensions, lower-case, like `https://example.com`. */
  allowedOrigins: readonly string[];
}

/** What the checks read from a request (an HTTP request or a WebSocket upgrade). */
export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  /** `?token=`, honoured on the WebSocket only (browsers cannot set headers there). */
  queryToken: string | undefined;
}

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9._-]+$/i;

/** Whether a request from this browser origin may be served (given the token) and sent CORS headers. */
export function isAllowedOrigin(origin: string, policy: SecurityPolicy): boolean {
  return EXTENSION_ORIGIN.test(origin) || policy.allowedOrigins.includes(origin.toLowerCase());
}

function allowedHosts(port: number): string[] {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return port === 80 ? [...hosts, '127.0.0.1', 'localhost', '[::1]'] : hosts;
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function presentedToken(facts: RequestFacts): string | undefined {
  const header = facts.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
  }
  return facts.queryToken;
}

function hostRefusal(facts: RequestFacts, policy: SecurityPolicy): ApiError | undefined {
  const host = facts.host?.toLowerCase();
  if (host !== undefined && allowedHosts(policy.port()).includes(host)) return undefined;
  return new ApiError(
    403,
    'forbidden_host',
    `the Host header "${facts.host ?? ''}" is not this daemon's loopback address`,
  );
}

function originRefusal(facts: RequestFacts, policy: SecurityPolicy): ApiError | undefined {
  const { origin } = facts;
  if (origin === undefined || isAllowedOrigin(origin, policy)) return undefined;
  return new ApiError(
    403,
    'forbidden_origin',
    `requests from the web origin "${origin}" are refused; only browser extensions and origins listed in allowed_origins may call the daemon`,
  );
}

function tokenRefusal(facts: RequestFacts, policy: SecurityPolicy): ApiError | undefined {
  const token = presentedToken(facts);
  if (token !== undefined) {
    return sameSecret(token, policy.token)
      ? undefined
      : new ApiError(401, 'unauthorized', 'the token is wrong');
  }
  if (facts.origin === undefined && !policy.requireToken) return undefined;
  const who =
    facts.origin !== undefined ? 'requests from a browser' : 'require_token is on, so every request';
  return new ApiError(401, 'unauthorized', `${who} must present the token (Authorization: Bearer <token>)`);
}

/**
 * Refuses what the daemon must not serve; undefined when the request may go on. In order: a Host other than
 * the loopback names of our port (DNS rebinding) → 403; a browser Origin that is not an extension or one the
 * user configured → 403; the token missing where it is needed (any Origin, or `require_token`) → 401; a wrong
 * token, wherever one is presented → 401.
 */
export function refusal(facts: RequestFacts, policy: SecurityPolicy): ApiError | undefined {
  return hostRefusal(facts, policy) ?? originRefusal(facts, policy) ?? tokenRefusal(facts, policy);
}

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers': 'content-disposition',
  'access-control-max-age': '600',
} as const;

/**
 * The request guard of every route: answers CORS preflights of allowed origins, refuses what `refusal` refuses,
 * and sends CORS headers to allowed origins alone (on errors too, so the extension can read them).
 */
export function securityGuard(policy: SecurityPolicy): MiddlewareHandler {
  return async (c, next) => {
    const origin = requestHeader(c, 'origin');
    const corsAllowed = origin !== undefined && isAllowedOrigin(origin, policy);
    if (corsAllowed) {
      c.header('access-control-allow-origin', origin);
      c.header('vary', 'Origin');
    }
    const preflight =
      c.req.method === 'OPTIONS' && requestHeader(c, 'access-control-request-method') !== undefined;
    if (preflight) {
      // Browsers never send credentials on a preflight, so the token is checked on the request that follows.
      const facts = {
        host: requestHeader(c, 'host'),
        origin,
        authorization: undefined,
        queryToken: undefined,
      };
      const refused = hostRefusal(facts, policy) ?? originRefusal(facts, policy);
      if (refused !== undefined) throw refused;
      for (const [name, value] of Object.entries(CORS_HEADERS)) c.header(name, value);
      if (requestHeader(c, 'access-control-request-private-network') === 'true') {
        c.header('access-control-allow-private-network', 'true');
      }
      return c.body(null, 204);
    }
    const refused = refusal(
      {
        host: requestHeader(c, 'host'),
        origin,
        authorization: requestHeader(c, 'authorization'),
        queryToken: undefined,
      },
      policy,
    );
    if (refused !== undefined) throw refused;
    await next();
    return undefined;
  };
}
