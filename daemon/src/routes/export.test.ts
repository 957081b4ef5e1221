import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEventSchema } from '@tokentally/shared/schema/stored-event';
import { exportStatisticsSchema } from '@tokentally/shared/export/statistics';
import { z } from 'zod';
import { fakeWireEvents } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

const NOW = Date.parse('2026-05-15T12:00:00Z');
let t: TestDaemon;
beforeAll(async () => {
  t = await startTestDaemon({ clock: { now: () => NOW } });
  await t.json('/v1/events', {
    body: fakeWireEvents(2500, (i) => ({
      ts: NOW - (2500 - i) * 60_000,
      model: i % 2 === 0 ? 'gpt-4o' : 'claude-sonnet-4-20250514',
      project: i % 5 === 0 ? '=cmd()' : 'alpha',
      input_tokens: 400_000,
      output_tokens: 0,
    })),
  });
});
afterAll(async () => {
  await t.close();
});

const exportSchema = z.strictObject({
  statistics: exportStatisticsSchema,
  events: z.array(storedEventSchema),
});

describe('GET /v1/export', () => {
  it('streams CSV as an attachment, one row per event, formulas defused', async () => {
    const response = await t.request('/v1/export?format=csv');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="tokentally-2026-05-15.csv"',
    );
    expect(lines.length).toBe(2501);
    expect(lines[0]?.startsWith('seq,id,ts,received_at,provider,model')).toBe(true);
    expect(lines[1]?.split(',')[7]).toBe("'=cmd()");
  });

  it('exports JSON with statistics that match the events', async () => {
    const response = await t.request('/v1/export?format=json&model=gpt-4o');
    const body = exportSchema.parse(await response.json());
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.events.length).toBe(1250);
    expect(body.statistics).toEqual({
      generated_at: '2026-05-15T12:00:00.000Z',
      from: '2026-05-13T18:20:00.000Z',
      to: '2026-05-15T11:58:00.000Z',
      requests: 1250,
      input_tokens: 500_000_000,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 500_000_000,
      cost_usd: 1250,
      unpriced_requests: 0,
    });
  });

  it('exports NDJSON in seq order within a time range', async () => {
    const response = await t.request(
      '/v1/export?format=ndjson&from=2026-05-15T11:00:00Z&to=2026-05-15T11:10:00Z',
    );
    const events = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => storedEventSchema.parse(JSON.parse(line)));
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="tokentally-2026-05-15.ndjson"',
    );
    expect(events.map((event) => event.ts)).toEqual(
      Array.from({ length: 10 }, (_, i) => `2026-05-15T11:0${i}:00.000Z`),
    );
  });

  it('exports an empty JSON document when nothing matches', async () => {
    const body = exportSchema.parse(await (await t.request('/v1/export?format=json&project=none')).json());
    expect(body).toMatchObject({ statistics: { requests: 0, from: null, to: null }, events: [] });
  });

  it('refuses an unknown format, naming it', async () => {
    expect(await t.json('/v1/export?format=xml')).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: 'format' }] } },
    });
  });
});
