import { describe, expect, it } from 'vitest';
import { fakeStoredEvent } from './fake-events';
import { summarize } from './summary';

const events = [
  fakeStoredEvent({ ts: '2026-03-08T04:30:00Z', model: 'gpt-4o', agent: 'main', cost_usd: 0.5 }),
  fakeStoredEvent({ ts: '2026-03-08T05:30:00Z', model: 'gpt-4o', agent: 'main/researcher', cost_usd: 0.25 }),
  fakeStoredEvent({ ts: '2026-03-08T23:00:00Z', model: 'claude-sonnet-4', agent: 'ops', cost_usd: 0.25 }),
  fakeStoredEvent({ ts: '2026-03-09T04:30:00Z', model: 'mystery', agent: null, cost_usd: null }),
];
const keysAndShares = (groups: { key: string; requests: number; share_of_cost: number }[]) =>
  groups.map(({ key, requests, share_of_cost }) => [key, requests, share_of_cost]);

describe('summarize', () => {
  it('gives totals and no groups without group_by', () => {
    const summary = summarize(events, { tz: 'UTC' });
    expect(summary.groups).toEqual([]);
    expect(summary.totals).toMatchObject({
      requests: 4,
      cost_usd: 1,
      unpriced_requests: 1,
      total_tokens: 600,
    });
  });

  it('rolls sub-agents into their top level and puts events without an agent under (none)', () => {
    const summary = summarize(events, { tz: 'UTC', group_by: 'agent' });
    expect(keysAndShares(summary.groups)).toEqual([
      ['main', 2, 0.75],
      ['ops', 1, 0.25],
      ['(none)', 1, 0],
    ]);
  });

  it('ranks labels by cost, then requests, then key', () => {
    const tied = [
      fakeStoredEvent({ model: 'b', cost_usd: 1 }),
      fakeStoredEvent({ model: 'a', cost_usd: 1 }),
      fakeStoredEvent({ model: 'c', cost_usd: 0.5 }),
      fakeStoredEvent({ model: 'c', cost_usd: 0.5 }),
      fakeStoredEvent({ model: 'd', cost_usd: 2 }),
    ];
    expect(summarize(tied, { tz: 'UTC', group_by: 'model' }).groups.map((g) => g.key)).toEqual([
      'd',
      'c',
      'a',
      'b',
    ]);
  });

  it('buckets days in the requested zone, oldest first', () => {
    const summary = summarize(events, { tz: 'America/New_York', group_by: 'day' });
    expect(keysAndShares(summary.groups)).toEqual([
      ['2026-03-07T00:00:00-05:00', 1, 0.5],
      ['2026-03-08T00:00:00-05:00', 2, 0.5],
      ['2026-03-09T00:00:00-04:00', 1, 0],
    ]);
  });

  it('sorts hour buckets by time even where the offset changes', () => {
    const fallBack = [
      fakeStoredEvent({ ts: '2026-04-04T16:10:00Z' }),
      fakeStoredEvent({ ts: '2026-04-04T14:10:00Z' }),
      fakeStoredEvent({ ts: '2026-04-04T15:10:00Z' }),
    ];
    const summary = summarize(fallBack, { tz: 'Australia/Sydney', group_by: 'hour' });
    expect(summary.groups.map((g) => g.key)).toEqual([
      '2026-04-05T01:00:00+11:00',
      '2026-04-05T02:00:00+11:00',
      '2026-04-05T02:00:00+10:00',
    ]);
  });

  it('counts only events with from <= ts < to, for totals and groups alike', () => {
    const from = Date.parse('2026-03-08T05:30:00Z');
    const to = Date.parse('2026-03-09T04:30:00Z');
    const summary = summarize(events, { tz: 'UTC', group_by: 'model', from, to });
    expect(summary.totals.requests).toBe(2);
    expect(keysAndShares(summary.groups)).toEqual([
      ['claude-sonnet-4', 1, 0.5],
      ['gpt-4o', 1, 0.5],
    ]);
  });

  it('accepts epoch-ms times and labels left out entirely', () => {
    const { ts: _ts, agent: _agent, ...rest } = fakeStoredEvent({ cost_usd: 0.1 });
    const summary = summarize([{ ...rest, ts: Date.parse('2026-01-05T10:00:00Z') }], {
      tz: 'UTC',
      group_by: 'week',
    });
    expect(keysAndShares(summary.groups)).toEqual([['2026-01-05T00:00:00Z', 1, 1]]);
    expect(
      summarize(
        [rest].map((e) => ({ ...e, ts: 0 })),
        { tz: 'UTC', group_by: 'agent' },
      ).groups[0]?.key,
    ).toBe('(none)');
  });

  it('gives every group a zero share when nothing cost anything', () => {
    const free = [fakeStoredEvent({ cost_usd: 0 }), fakeStoredEvent({ cost_usd: null, model: 'x' })];
    expect(summarize(free, { tz: 'UTC', group_by: 'model' }).groups.map((g) => g.share_of_cost)).toEqual([
      0, 0,
    ]);
  });
});
