import { describe, expect, it } from 'vitest';
import { fakeStoredEvent } from '../export/fake-stored-event';
import { createDaemonClient } from './daemon-client';
import { type FakeAnswer, fakeFetch, type RecordedRequest } from './fake-fetch';
import type { RequestInitLike } from './transport';

const baseUrl = 'http://127.0.0.1:4747/';

function clientAnswering(answer: (request: RecordedRequest) => FakeAnswer, token?: string) {
  const { fetch, requests } = fakeFetch(answer);
  return { client: createDaemonClient({ baseUrl, token, fetch }), requests };
}

const budget = {
  id: 'team',
  name: 'Team',
  period: 'month',
  limit_usd: 50,
  warn_at: 0.9,
  scope: { project: 'web' },
};
const budgetEntry = {
  id: 'team',
  name: 'Team',
  period: 'month',
  spent_usd: 51.2,
  limit_usd: 50,
  utilization: 1.024,
  status: 'exceeded',
  period_start: '2025-03-01T00:00:00.000Z',
  period_end: '2025-04-01T00:00:00.000Z',
  projected_usd: 160,
};

describe('createDaemonClient', () => {
  it('posts events as JSON and answers the ingest result', async () => {
    const ingest = { accepted: 1, duplicates: 0, first_seq: 7, last_seq: 7 };
    const { client, requests } = clientAnswering(() => ({ status: 200, json: ingest }));
    expect(await client.postEvents({ model: 'gpt-4o', input_tokens: 10 })).toEqual({
      ok: true,
      value: ingest,
    });
    expect(requests).toEqual([
      {
        url: 'http://127.0.0.1:4747/v1/events',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: { model: 'gpt-4o', input_tokens: 10 },
      },
    ]);
  });

  it('sends the token as a bearer header when one is set', async () => {
    const { client, requests } = clientAnswering(() => ({ status: 200, json: { budgets: [] } }), 's3cret');
    await client.listBudgets();
    expect(requests[0]?.headers).toEqual({ accept: 'application/json', authorization: 'Bearer s3cret' });
  });

  it('calls fetch unbound, as a browser requires', async () => {
    const receivers: unknown[] = [];
    const { fetch } = fakeFetch(() => ({ status: 200, json: { budgets: [] } }));
    const client = createDaemonClient({
      baseUrl,
      fetch: function (this: unknown, url: string, init: RequestInitLike) {
        receivers.push(this);
        return fetch(url, init);
      },
    });
    await client.listBudgets();
    expect(receivers).toEqual([undefined]);
  });

  it('lists events with a query built from the given parameters, skipping undefined ones', async () => {
    const page = { events: [fakeStoredEvent({ seq: 11 })], next_after: 11 };
    const { client, requests } = clientAnswering(() => ({ status: 200, json: page }));
    const answer = await client.listEvents({
      after: 10,
      limit: 100,
      model: undefined,
      agent: 'main/researcher',
    });
    expect(answer).toEqual({ ok: true, value: page });
    expect(requests[0]?.url).toBe(
      'http://127.0.0.1:4747/v1/events?after=10&limit=100&agent=main%2Fresearcher',
    );
  });

  it('asks for a summary grouped and bounded as told', async () => {
    const { client, requests } = clientAnswering(() => ({
      status: 400,
      json: { error: { code: 'x', message: 'y' } },
    }));
    await client.summary({ group_by: 'day', tz: 'Europe/Paris', from: '2025-03-01' });
    expect(requests[0]?.url).toBe(
      'http://127.0.0.1:4747/v1/summary?group_by=day&tz=Europe%2FParis&from=2025-03-01',
    );
  });

  it('puts and deletes a budget at its path', async () => {
    const { client, requests } = clientAnswering((request) => ({
      status: 200,
      json: request.method === 'PUT' ? budget : {},
    }));
    const put = await client.putBudget('team', { period: 'month', limit_usd: 50, scope: { project: 'web' } });
    const removed = await client.deleteBudget('team');
    expect([put, removed]).toEqual([
      { ok: true, value: budget },
      { ok: true, value: null },
    ]);
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'PUT http://127.0.0.1:4747/v1/budgets/team',
      'DELETE http://127.0.0.1:4747/v1/budgets/team',
    ]);
  });

  it('reads a budget check of 200 as spending allowed', async () => {
    const { client, requests } = clientAnswering(() => ({ status: 200, json: { ok: true } }));
    expect(await client.budgetCheck({ project: 'web' })).toEqual({ ok: true, value: { ok: true } });
    expect(requests[0]?.url).toBe('http://127.0.0.1:4747/v1/budgets/check?project=web');
  });

  it('reads a budget check of 402 as the exceeded budget, not as a failure', async () => {
    const body = {
      error: { code: 'budget_exceeded', message: 'budget "Team" is exceeded' },
      budget: budgetEntry,
    };
    const { client } = clientAnswering(() => ({ status: 402, json: body }));
    expect(await client.budgetCheck()).toEqual({ ok: true, value: { ok: false, budget: budgetEntry } });
  });

  it('asks for a model price with the model in the query and encodes it in override paths', async () => {
    const rates = { input: 2.5, output: 10, cache_write: null, cache_write_1h: null, cache_read: 1.25 };
    const { client, requests } = clientAnswering((request) => ({
      status: 200,
      json: request.method === 'GET' ? { overrides: [] } : rates,
    }));
    await client.pricing('gpt-4o');
    await client.pricing();
    const put = await client.putPriceOverride('openai/gpt-4o', rates);
    await client.deletePriceOverride('openai/gpt-4o');
    expect(put).toEqual({ ok: true, value: rates });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET http://127.0.0.1:4747/v1/pricing?model=gpt-4o',
      'GET http://127.0.0.1:4747/v1/pricing',
      'PUT http://127.0.0.1:4747/v1/pricing/overrides/openai%2Fgpt-4o',
      'DELETE http://127.0.0.1:4747/v1/pricing/overrides/openai%2Fgpt-4o',
    ]);
  });

  it('counts tokens', async () => {
    const count = { tokens: 3, encoding: 'o200k_base', exact: true };
    const { client, requests } = clientAnswering(() => ({ status: 200, json: count }));
    expect(await client.countTokens({ text: 'hello world!', model: 'gpt-4o' })).toEqual({
      ok: true,
      value: count,
    });
    expect(requests[0]?.body).toEqual({ text: 'hello world!', model: 'gpt-4o' });
  });

  it('builds the export URL and reads an export as text', async () => {
    const { client, requests } = clientAnswering(() => ({ status: 200, text: 'seq,id\r\n' }));
    expect(client.exportUrl({ format: 'csv', project: 'web' })).toBe(
      'http://127.0.0.1:4747/v1/export?format=csv&project=web',
    );
    expect(await client.exportText({ format: 'csv' })).toEqual({ ok: true, value: 'seq,id\r\n' });
    expect(requests[0]?.url).toBe('http://127.0.0.1:4747/v1/export?format=csv');
  });

  it('hands back the export response itself so its body can be streamed', async () => {
    const { client } = clientAnswering(() => ({ status: 200, text: '{"seq":1}\n' }));
    const answer = await client.export({ format: 'ndjson' });
    expect(answer.ok && (await answer.value.text())).toBe('{"seq":1}\n');
  });

  it('checks health and reads metrics', async () => {
    const { client } = clientAnswering((request) =>
      request.url.endsWith('/healthz')
        ? { status: 200, json: { status: 'ok', version: '0.1.0', events: 42 } }
        : { status: 200, text: 'tokentally_events_total 42\n' },
    );
    expect([await client.health(), await client.metrics()]).toEqual([
      { ok: true, value: { status: 'ok', version: '0.1.0', events: 42 } },
      { ok: true, value: 'tokentally_events_total 42\n' },
    ]);
  });
});
