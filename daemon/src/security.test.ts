import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@tokentally/shared/api/ingest';
import { fakeWireEvent } from './test-support/fake-event';
import { rawRequest } from './test-support/raw-http';
import { startTestDaemon, type TestDaemon } from './test-support/temp-daemon';
import { openTestSocket } from './test-support/ws-client';

let t: TestDaemon;
afterEach(async () => {
  await t.close();
});

const errorCode = (body: string): string => apiErrorSchema.parse(JSON.parse(body)).error.code;

describe('who may call the daemon', () => {
  it('refuses a Host that is not its loopback address (DNS rebinding)', async () => {
    t = await startTestDaemon();
    const port = t.daemon.port;
    const evil = await rawRequest(port, { path: '/v1/events', headers: { host: `evil.example:${port}` } });
    const noPort = await rawRequest(port, { path: '/healthz', headers: { host: '127.0.0.1' } });
    expect([evil.status, noPort.status]).toEqual([403, 403]);
    expect(JSON.parse(evil.body)).toMatchObject({ error: { code: 'forbidden_host' } });
  });

  it('serves 127.0.0.1, localhost and [::1] with its port', async () => {
    t = await startTestDaemon();
    const port = t.daemon.port;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
    const statuses = await Promise.all(
      hosts.map(async (host) => (await rawRequest(port, { path: '/healthz', headers: { host } })).status),
    );
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('refuses a foreign web origin on GET and POST, even with the token', async () => {
    t = await startTestDaemon();
    const origin = 'https://evil.example';
    const get = await t.request('/v1/summary', { headers: { origin } });
    const post = await t.request('/v1/events', {
      body: fakeWireEvent(),
      headers: { origin, authorization: `Bearer ${t.daemon.token}` },
    });
    expect([get.status, post.status]).toEqual([403, 403]);
    expect(get.headers.get('access-control-allow-origin')).toBe(null);
    expect(await t.json('/healthz')).toMatchObject({ body: { events: 0 } });
  });

  it('serves a browser extension that presents the token, with CORS headers for it alone', async () => {
    t = await startTestDaemon();
    const origin = 'chrome-extension://abcdefghijklmnop';
    const response = await t.request('/v1/events', {
      body: fakeWireEvent(),
      headers: { origin, authorization: `Bearer ${t.daemon.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('refuses an extension without the token, with CORS headers so it can read why', async () => {
    t = await startTestDaemon();
    const origin = 'moz-extension://0d5e3c1a-1111-2222-3333-444455556666';
    const response = await t.request('/v1/budgets', { headers: { origin } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(errorCode(await response.text())).toBe('unauthorized');
  });

  it('serves an origin the user configured, with the token', async () => {
    t = await startTestDaemon({ config: { allowed_origins: ['http://localhost:5173'] } });
    const origin = 'http://localhost:5173';
    const response = await t.request('/v1/summary', {
      headers: { origin, authorization: `Bearer ${t.daemon.token}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers the CORS preflight of an extension without asking for the token', async () => {
    t = await startTestDaemon();
    const origin = 'chrome-extension://abcdefghijklmnop';
    const headers = {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    };
    const allowed = await t.request('/v1/events', { method: 'OPTIONS', headers });
    const foreign = await t.request('/v1/events', {
      method: 'OPTIONS',
      headers: { ...headers, origin: 'https://evil.example' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(foreign.status).toBe(403);
  });

  it('lets local programs without an Origin in without the token', async () => {
    t = await startTestDaemon();
    expect((await t.request('/v1/budgets')).status).toBe(200);
  });

  it('refuses a wrong token wherever it is presented', async () => {
    t = await startTestDaemon();
    const response = await t.request('/v1/budgets', { headers: { authorization: 'Bearer nope' } });
    expect(response.status).toBe(401);
  });

  it('with require_token, refuses every request without the right token', async () => {
    t = await startTestDaemon({ config: { require_token: true } });
    const missing = await t.request('/healthz');
    const wrong = await t.request('/healthz', { headers: { authorization: `Bearer ${'0'.repeat(64)}` } });
    const right = await t.request('/healthz', { headers: { authorization: `Bearer ${t.daemon.token}` } });
    expect([missing.status, wrong.status, right.status]).toEqual([401, 401, 200]);
  });

  it('lets the start option turn require_token on', async () => {
    t = await startTestDaemon({ requireToken: true });
    expect((await t.request('/v1/summary')).status).toBe(401);
  });

  it('refuses a text/plain write with 415', async () => {
    t = await startTestDaemon();
    const response = await t.request('/v1/events', {
      method: 'POST',
      body: JSON.stringify(fakeWireEvent()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(await t.json('/healthz')).toMatchObject({ body: { events: 0 } });
  });

  it('refuses a body over 10 MB with 413, with or without Content-Length', async () => {
    t = await startTestDaemon();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const declared = await rawRequest(t.daemon.port, {
      method: 'POST',
      path: '/v1/events',
      headers: {
        host: `127.0.0.1:${t.daemon.port}`,
        'content-type': 'application/json',
        'content-length': String(big.length),
      },
      body: big,
    });
    const chunked = await rawRequest(t.daemon.port, {
      method: 'POST',
      path: '/v1/events',
      headers: {
        host: `127.0.0.1:${t.daemon.port}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: big,
    });
    expect([declared.status, chunked.status]).toEqual([413, 413]);
    expect(errorCode(chunked.body)).toBe('payload_too_large');
  });

  it('accepts a chunked JSON body under the limit', async () => {
    t = await startTestDaemon();
    const chunked = await rawRequest(t.daemon.port, {
      method: 'POST',
      path: '/v1/events',
      headers: {
        host: `127.0.0.1:${t.daemon.port}`,
        'content-type': 'application/json; charset=utf-8',
        'transfer-encoding': 'chunked',
      },
      body: JSON.stringify([fakeWireEvent(), fakeWireEvent()]),
    });
    expect(chunked.status).toBe(200);
    expect(JSON.parse(chunked.body)).toEqual({ accepted: 2, duplicates: 0, first_seq: 1, last_seq: 2 });
  });

  it('creates the token file with mode 0600', async () => {
    t = await startTestDaemon();
    expect(statSync(join(t.home, 'token')).mode & 0o777).toBe(0o600);
    expect(t.daemon.token).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('who may open the stream', () => {
  it('refuses a foreign origin and a forged Host on the WebSocket upgrade', async () => {
    t = await startTestDaemon();
    const url = `${t.daemon.url.replace('http', 'ws')}/v1/stream?token=${t.daemon.token}`;
    await expect(openTestSocket(url, { headers: { origin: 'https://evil.example' } })).rejects.toThrow('403');
    await expect(openTestSocket(url, { headers: { host: 'evil.example' } })).rejects.toThrow('403');
  });

  it('lets an extension in with ?token= and refuses it without', async () => {
    t = await startTestDaemon();
    const base = `${t.daemon.url.replace('http', 'ws')}/v1/stream`;
    const origin = 'chrome-extension://abcdefghijklmnop';
    await expect(openTestSocket(base, { headers: { origin } })).rejects.toThrow('401');
    const socket = await openTestSocket(`${base}?token=${t.daemon.token}`, { headers: { origin } });
    socket.socket.close();
    expect(socket.socket.protocol).toBe('');
  });

  it('with require_token, refuses a socket without the token', async () => {
    t = await startTestDaemon({ requireToken: true });
    const base = `${t.daemon.url.replace('http', 'ws')}/v1/stream`;
    await expect(openTestSocket(base)).rejects.toThrow('401');
    await expect(openTestSocket(`${base}?token=bad`)).rejects.toThrow('401');
  });
});
