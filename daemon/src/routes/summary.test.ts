import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelFilterOf } from '../test-support/label-filter';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { matchesLabelFilter } from '@tokentally/shared/aggregate/event-filter';
import { eventPageSchema } from '@tokentally/shared/api/ingest';
import type { GroupBy } from '@tokentally/shared/api/summary';
import { summarySchema } from '@tokentally/shared/api/summary';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { fakeWireEvent } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

let t: TestDaemon;
let stored: StoredEvent[] = [];
const START = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;

// A small deterministic generator, so a failure reproduces.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

beforeAll(async () => {
  t = await startTestDaemon();
  const next = random(7);
  const pick = <T>(items: readonly [T, ...T[]]): T => items[Math.floor(next() * items.length)] ?? items[0];
  const events = Array.from({ length: 3000 }, () =>
    fakeWireEvent({
      ts: START + Math.floor(next() * 40 * 24 * HOUR),
      model: pick(['claude-sonnet-4-20250514', 'gpt-4o', 'gemini-2.5-pro', 'mystery-model']),
      agent: pick(['main', 'main/researcher', 'main/researcher/summarizer', 'other']),
      project: pick(['alpha', 'beta']),
      session_id: pick(['s1', 's2', 's3']),
      tool: pick(['search', 'edit']),
      input_tokens: Math.floor(next() * 5000),
      output_tokens: Math.floor(next() * 800),
      cache_read_input_tokens: Math.floor(next() * 3000),
      status: next() < 0.1 ? 'error' : 'ok',
      duration_ms: Math.floor(next() * 4000),
    }),
  );
  await t.json('/v1/events', { body: events });
  stored = eventPageSchema.parse((await t.json('/v1/events?limit=5000')).body).events;
});
afterAll(async () => {
  await t.close();
});

const QUERIES: {
  group_by?: GroupBy;
  tz?: string;
  from?: string;
  to?: string;
  agent?: string;
  session_id?: string;
  model?: string;
}[] = [
  {},
  { group_by: 'model' },
  { group_by: 'agent', from: '2026-03-03T10:17:00Z', to: '2026-03-20T05:45:30Z' },
  { group_by: 'project', agent: 'main' },
  { group_by: 'provider', model: 'gpt-4o' },
  { group_by: 'source' },
  { group_by: 'session_id', from: '2026-03-05T00:30:00Z' },
  { group_by: 'tool', to: '2026-03-25T12:00:00Z' },
  { group_by: 'hour', from: '2026-03-10T00:00:00Z', to: '2026-03-11T07:30:00Z' },
  { group_by: 'day' },
  { group_by: 'day', tz: 'America/New_York', from: '2026-03-02T13:13:13Z', to: '2026-04-02T00:00:00Z' },
  { group_by: 'week', tz: 'Europe/Paris' },
  { group_by: 'month', tz: 'Asia/Kolkata' },
  { group_by: 'hour', tz: 'Asia/Kathmandu', from: '2026-03-15T00:00:00Z', to: '2026-03-16T00:00:00Z' },
  { group_by: 'day', tz: 'Australia/Lord_Howe', session_id: 's2' },
];

describe('GET /v1/summary', () => {
  it.each(QUERIES)('matches a summary of the raw events for %o', async (query) => {
    const answer = await t.json(`/v1/summary?${new URLSearchParams(query).toString()}`);
    const instant = (time: string | undefined): number | undefined =>
      time === undefined ? undefined : Date.parse(time);
    const expected = summarize(
      stored.filter((event) => matchesLabelFilter(labelFilterOf(query), event)),
      { group_by: query.group_by, tz: query.tz ?? 'UTC', from: instant(query.from), to: instant(query.to) },
    );
    expect(answer.status).toBe(200);
    expect(summarySchema.parse(answer.body)).toEqual(expected);
  });

  it('reads a bare date as local midnight in tz', async () => {
    const answer = await t.json(
      '/v1/summary?group_by=model&from=2026-03-01&to=2026-03-08&tz=America/Los_Angeles',
    );
    const expected = summarize(stored, {
      group_by: 'model',
      tz: 'America/Los_Angeles',
      from: Date.parse('2026-03-01T00:00:00-08:00'),
      to: Date.parse('2026-03-08T00:00:00-08:00'),
    });
    expect(summarySchema.parse(answer.body)).toEqual(expected);
  });

  it('counts every event in the totals', async () => {
    const { body } = await t.json('/v1/summary');
    expect(summarySchema.parse(body).totals.requests).toBe(3000);
  });

  it('refuses an unknown time zone, naming tz', async () => {
    const answer = await t.json('/v1/summary?tz=Mars/Olympus');
    expect(answer).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'tz' }] } } });
  });

  it('refuses an unknown group_by, naming it', async () => {
    const answer = await t.json('/v1/summary?group_by=colour');
    expect(answer).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'group_by' }] } } });
  });
});
