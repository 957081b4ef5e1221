import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema } from '@tokentally/shared/client/daemon-answers';
import { fakeWireEvent } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

let t: TestDaemon;
beforeAll(async () => {
  t = await startTestDaemon();
  await t.json('/v1/events', {
    body: [
      fakeWireEvent({ model: 'gpt-4o', input_tokens: 400_000, output_tokens: 0 }),
      fakeWireEvent({ model: 'x"y' }),
    ],
  });
});
afterAll(async () => {
  await t.close();
});

describe('GET /healthz and /metrics', () => {
  it('reports liveness, version, event count and database path', async () => {
    const { status, body } = await t.json('/healthz');
    expect(status).toBe(200);
    expect(healthSchema.parse(body)).toEqual({
      status: 'ok',
      version: '0.1.0',
      events: 2,
      db_path: t.daemon.dbPath,
    });
    expect(body).toMatchObject({ last_seq: 2 });
  });

  it('exposes events, tokens and cost by model, ingest latency and subscribers as Prometheus text', async () => {
    const response = await t.request('/metrics');
    const text = await response.text();
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('tokentally_events_stored 2\n');
    expect(text).toContain('tokentally_cost_usd{model="gpt-4o"} 1\n');
    expect(text).toContain('tokentally_tokens{model="gpt-4o",kind="input"} 400000\n');
    expect(text).toContain('tokentally_requests{model="x\\"y"} 1\n');
    expect(text).toContain('tokentally_ingest_latency_seconds_count 1\n');
    expect(text).toContain('tokentally_stream_subscribers 0\n');
  });

  it('answers an unknown path with a JSON 404', async () => {
    expect(await t.json('/v2/nothing')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'no endpoint GET /v2/nothing' } },
    });
  });
});
