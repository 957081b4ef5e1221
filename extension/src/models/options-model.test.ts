import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { type FakeAnswer, fakeFetch, type RecordedRequest } from '@tokentally/shared/client/fake-fetch';
import { createOptionsModel } from './options-model';

const budget = { id: 'daily', name: 'Daily', period: 'day', limit_usd: 10, warn_at: 0.9, scope: {} };
const status = { status: 'ok', budgets: [] };
const daemonError = (code: string, message: string) => ({ error: { code, message } });

function daemon(request: RecordedRequest): FakeAnswer {
  const path = new URL(request.url).pathname;
  if (path === '/v1/budgets/status') return { status: 200, json: status };
  if (path === '/healthz') return { status: 200, json: { status: 'ok', version: '0.1.0', events: 42 } };
  if (path === '/v1/budgets') return { status: 200, json: { budgets: [budget] } };
  if (path.startsWith('/v1/budgets/')) return { status: 200, json: { ...budget, id: path.slice(12) } };
  if (path === '/v1/pricing')
    return {
      status: 200,
      json: {
        overrides: [
          { model: 'gpt-4o', input: 2, output: 8, cache_write: null, cache_write_1h: null, cache_read: 1 },
        ],
      },
    };
  return {
    status: 200,
    json: { input: 1, output: 2, cache_write: null, cache_write_1h: null, cache_read: null },
  };
}

function setUp(answer: (request: RecordedRequest) => FakeAnswer = daemon) {
  const { fetch, requests } = fakeFetch(answer);
  const resyncs: number[] = [];
  const model = createOptionsModel({
    storage: fakeBrowser.storage.local,
    clientFor: ({ daemon_url, token }) => createDaemonClient({ baseUrl: daemon_url, token, fetch }),
    resyncMirror: () => Promise.resolve(void resyncs.push(1)).then(() => ({ ok: true }) as const),
  });
  return { model, requests, resyncs };
}

describe('options model', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      settings: { daemon_url: 'http://127.0.0.1:4747', token: 'secret' },
    });
  });

  it('loads the stored settings, then the budgets and overrides from that daemon', async () => {
    const { model } = setUp();
    await model.start();
    expect(model.settings.store.get().form).toEqual({
      daemon_url: 'http://127.0.0.1:4747',
      token: 'secret',
      precision: '2',
    });
    expect(model.budgets.store.get().budgets).toEqual({ state: 'ready', items: [budget] });
    expect(model.prices.store.get().overrides).toEqual({
      state: 'ready',
      items: [
        { model: 'gpt-4o', input: 2, output: 8, cache_write: null, cache_write_1h: null, cache_read: 1 },
      ],
    });
  });

  it('says the stored settings were invalid and that the defaults are used', async () => {
    await fakeBrowser.storage.local.set({ settings: { daemon_url: 'nope' } });
    const { model } = setUp();
    await model.start();
    expect(model.settings.store.get().storedError).toBe(
      'The stored settings are invalid (daemon_url: expected an http:// or https:// URL, e.g. http://127.0.0.1:4747); using the defaults.',
    );
  });

  it.each([
    [
      { throws: new TypeError('fetch failed') },
      'offline',
      'Cannot reach the daemon at http://127.0.0.1:4747. Is it running? Start it with `tokentally start`.',
    ],
    [
      { status: 401, json: daemonError('unauthorized', 'bad token') },
      'unauthorized',
      'The daemon refused the token (401). Paste the token that `tokentally token` prints.',
    ],
    [
      { status: 403, json: daemonError('forbidden_origin', 'origin not allowed') },
      'forbidden',
      "The daemon refused this origin (403): origin not allowed. Use 127.0.0.1 or localhost with the daemon's port.",
    ],
  ] as const)(
    'tells exactly what is wrong when testing the connection (%#)',
    async (answer, problem, message) => {
      const { model } = setUp(() => answer);
      await model.settings.load();
      await model.settings.testConnection();
      expect(model.settings.store.get().test).toEqual({ state: 'failed', problem, message });
    },
  );

  it('tests the values typed, not the saved ones, and reports the daemon version when it works', async () => {
    const { model, requests } = setUp();
    await model.settings.load();
    model.settings.edit('daemon_url', 'http://localhost:5555/');
    await model.settings.testConnection();
    expect(model.settings.store.get().test).toEqual({
      state: 'ok',
      message: 'Connected to the daemon at http://localhost:5555 (tokentally 0.1.0, 42 events).',
    });
    expect(requests[0]?.headers.authorization).toBe('Bearer secret');
  });

  it('refuses to save an invalid URL and keeps what was stored', async () => {
    const { model } = setUp();
    await model.settings.load();
    model.settings.edit('daemon_url', 'localhost');
    await model.saveSettings();
    expect(model.settings.store.get().save).toEqual({
      state: 'invalid',
      issues: ['daemon_url: expected an http:// or https:// URL, e.g. http://127.0.0.1:4747'],
    });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { daemon_url: 'http://127.0.0.1:4747', token: 'secret' },
    });
  });

  it('saves the settings and reloads the budgets from the daemon now named', async () => {
    const { model, requests } = setUp();
    await model.start();
    model.settings.edit('daemon_url', 'http://localhost:6000');
    model.settings.edit('precision', '4');
    await model.saveSettings();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { daemon_url: 'http://localhost:6000', token: 'secret', precision: 4 },
    });
    expect(requests.at(-2)?.url).toBe('http://localhost:6000/v1/budgets');
  });

  it('adds a budget through the daemon, its id made from its name', async () => {
    const { model, requests } = setUp();
    await model.start();
    model.budgets.add();
    model.budgets.change('name', 'Weekly OpenAI');
    model.budgets.change('period', 'week');
    model.budgets.change('limit_usd', '25');
    model.budgets.change('warn_at_percent', '80');
    model.budgets.change('provider', 'openai');
    await model.budgets.submit();
    const put = requests.find((request) => request.method === 'PUT');
    expect([put?.url, put?.body]).toEqual([
      'http://127.0.0.1:4747/v1/budgets/weekly-openai',
      { name: 'Weekly OpenAI', period: 'week', limit_usd: 25, warn_at: 0.8, scope: { provider: 'openai' } },
    ]);
    expect(model.budgets.store.get().editor).toBeNull();
  });

  it('names every wrong field of a budget instead of sending it', async () => {
    const { model, requests } = setUp();
    await model.start();
    model.budgets.add();
    model.budgets.change('limit_usd', '-3');
    model.budgets.change('warn_at_percent', '150');
    await model.budgets.submit();
    expect(model.budgets.store.get().editor?.issues).toEqual([
      'Warn at (%): expected a number from 0 to 100',
      'ID: give a name or an ID',
      'Limit (USD): expected a number > 0',
    ]);
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);
  });

  it('edits a budget in place and deletes one', async () => {
    const { model, requests } = setUp();
    await model.start();
    model.budgets.edit('daily');
    model.budgets.change('limit_usd', '12.5');
    await model.budgets.submit();
    await model.budgets.remove('daily');
    const writes = requests
      .filter((request) => request.method !== 'GET')
      .map((request) => [request.method, request.url]);
    expect(writes).toEqual([
      ['PUT', 'http://127.0.0.1:4747/v1/budgets/daily'],
      ['DELETE', 'http://127.0.0.1:4747/v1/budgets/daily'],
    ]);
  });

  it('adds a price override with only the rates given', async () => {
    const { model, requests } = setUp();
    await model.start();
    model.prices.change('model', 'my-model');
    model.prices.change('input', '1');
    model.prices.change('output', '2');
    await model.prices.submit();
    const put = requests.find((request) => request.method === 'PUT');
    expect([put?.url, put?.body]).toEqual([
      'http://127.0.0.1:4747/v1/pricing/overrides/my-model',
      { input: 1, output: 2, cache_write: null, cache_write_1h: null, cache_read: null },
    ]);
  });

  it('asks for the input and output rates of a price override', async () => {
    const { model } = setUp();
    await model.start();
    model.prices.change('model', 'my-model');
    await model.prices.submit();
    expect(model.prices.store.get().issues).toEqual([
      'Input: expected a price in USD (a number >= 0)',
      'Output: expected a price in USD (a number >= 0)',
    ]);
  });

  it('clears the local mirror through the worker', async () => {
    const { model, resyncs } = setUp();
    await model.mirror.clear();
    expect([model.mirror.store.get(), resyncs]).toEqual([{ state: 'cleared' }, [1]]);
  });
});
