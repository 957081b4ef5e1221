import type { z } from 'zod';
import { budgetSchema, budgetStatusSchema } from '../api/budget';
import { eventPageSchema, ingestResultSchema } from '../api/ingest';
import { summarySchema } from '../api/summary';
import type { DaemonClient } from './daemon-client-api';
import {
  budgetExceededSchema,
  budgetListSchema,
  healthSchema,
  otlpExportAnswerSchema,
  pricingSchema,
  storedPriceOverrideSchema,
  tokenCountAnswerSchema,
} from './daemon-answers';
import {
  type DaemonResult,
  decodeBody,
  errorFromBody,
  failure,
  readAnswer,
  success,
  unreachable,
} from './daemon-result';
import { type QueryValue, toQueryString } from './query-string';
import { openStream, streamUrl } from './stream';
import type { FetchLike, ResponseLike, WebSocketConstructorLike } from './transport';

/** How to reach the daemon. */
export interface DaemonClientOptions<R extends ResponseLike> {
  /** e.g. `http://127.0.0.1:4747`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer` (and `?token=` on the stream) when set. */
  token?: string | undefined;
  fetch: FetchLike<R>;
  /** Needed only by `stream()`. */
  WebSocket?: WebSocketConstructorLike | undefined;
}

type Query = Readonly<Record<string, QueryValue>>;

const isSuccess = (status: number): boolean => status >= 200 && status < 300;
const segment = encodeURIComponent;

/** A typed client for every endpoint of the daemon (SPEC section 2); answers are validated, failures are values. */
export function createDaemonClient<R extends ResponseLike>(options: DaemonClientOptions<R>): DaemonClient<R> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const { token, fetch } = options;
  const url = (path: string, query: Query = {}): string => `${baseUrl}${path}${toQueryString(query)}`;

  async function send(method: string, path: string, query?: Query, body?: unknown): Promise<DaemonResult<R>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const init = body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) };
      return success(await fetch(url(path, query), init));
    } catch (cause) {
      return failure(unreachable(baseUrl, cause));
    }
  }

  async function call<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
  ): Promise<DaemonResult<z.output<S>>> {
    const sent = await send(method, path, query, body);
    if (!sent.ok) return sent;
    try {
      return await readAnswer(sent.value, schema);
    } catch (cause) {
      // The connection dropped while the body was being read.
      return failure(unreachable(baseUrl, cause));
    }
  }

  async function text(path: string, query?: Query): Promise<DaemonResult<string>> {
    const sent = await send('GET', path, query);
    if (!sent.ok) return sent;
    try {
      const body = await sent.value.text();
      return isSuccess(sent.value.status) ? success(body) : failure(errorFromBody(sent.value.status, body));
    } catch (cause) {
      return failure(unreachable(baseUrl, cause));
    }
  }

  async function remove(path: string): Promise<DaemonResult<null>> {
    const sent = await send('DELETE', path);
    if (!sent.ok) return sent;
    if (isSuccess(sent.value.status)) return success(null);
    return failure(errorFromBody(sent.value.status, await sent.value.text().catch(() => '')));
  }

  return {
    baseUrl,
    postEvents: (body) => call(ingestResultSchema, 'POST', '/v1/events', {}, body),
    listEvents: (params = {}) => call(eventPageSchema, 'GET', '/v1/events', params),
    summary: (params = {}) => call(summarySchema, 'GET', '/v1/summary', params),
    listBudgets: async () => {
      const answer = await call(budgetListSchema, 'GET', '/v1/budgets');
      return answer.ok ? success(answer.value.budgets) : answer;
    },
    putBudget: (id, budget) => call(budgetSchema, 'PUT', `/v1/budgets/${segment(id)}`, {}, budget),
    deleteBudget: (id) => remove(`/v1/budgets/${segment(id)}`),
    budgetStatus: () => call(budgetStatusSchema, 'GET', '/v1/budgets/status'),
    budgetCheck: async (filters = {}) => {
      const sent = await send('GET', '/v1/budgets/check', filters);
      if (!sent.ok) return sent;
      const { status } = sent.value;
      if (isSuccess(status)) return success({ ok: true });
      const body = await sent.value.text().catch(() => '');
      if (status !== 402) return failure(errorFromBody(status, body));
      const exceeded = decodeBody(status, body, budgetExceededSchema);
      return exceeded.ok ? success({ ok: false, budget: exceeded.value.budget }) : exceeded;
    },
    pricing: (model) => call(pricingSchema, 'GET', '/v1/pricing', { model }),
    putPriceOverride: (model, rates) =>
      call(storedPriceOverrideSchema, 'PUT', `/v1/pricing/overrides/${segment(model)}`, {}, rates),
    deletePriceOverride: (model) => remove(`/v1/pricing/overrides/${segment(model)}`),
    countTokens: (body) => call(tokenCountAnswerSchema, 'POST', '/v1/tokens/count', {}, body),
    exportUrl: (params = {}) => url('/v1/export', params),
    export: async (params = {}) => {
      const sent = await send('GET', '/v1/export', params);
      if (!sent.ok || isSuccess(sent.value.status)) return sent;
      return failure(errorFromBody(sent.value.status, await sent.value.text().catch(() => '')));
    },
    exportText: (params = {}) => text('/v1/export', params),
    health: () => call(healthSchema, 'GET', '/healthz'),
    metrics: () => text('/metrics'),
    postTraces: (body) => call(otlpExportAnswerSchema, 'POST', '/v1/traces', {}, body),
    stream: (streamOptions) => {
      if (options.WebSocket === undefined) {
        throw new Error('stream() needs a WebSocket constructor: pass WebSocket to createDaemonClient');
      }
      return openStream(options.WebSocket, streamUrl(baseUrl, streamOptions.after, token), streamOptions);
    },
  };
}
