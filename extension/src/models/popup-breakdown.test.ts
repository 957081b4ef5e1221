import { describe, expect, it } from 'vitest';
import { summarize } from '@tokentally/shared/aggregate/summary';
import type { SummaryGroup } from '@tokentally/shared/api/summary';
import { breakdownOf, foldBreakdown } from './popup-breakdown';
import { addEventsToTable, emptyDayTable } from './popup-day-table';
import { POPUP_NOW, popupTestEvents } from './popup-fixtures';

const group = (key: string, cost: number, share: number): SummaryGroup => ({
  ...summarize([], { tz: 'UTC' }).totals,
  key,
  cost_usd: cost,
  requests: 1,
  total_tokens: 10,
  share_of_cost: share,
});

describe('foldBreakdown', () => {
  it('lists the first rows and folds the rest into one', () => {
    const groups = [group('a', 5, 0.5), group('b', 3, 0.3), group('c', 1.5, 0.15), group('d', 0.5, 0.05)];
    expect(foldBreakdown(groups, 2)).toEqual({
      rows: [
        { key: 'a', cost_usd: 5, requests: 1, total_tokens: 10, share_of_cost: 0.5 },
        { key: 'b', cost_usd: 3, requests: 1, total_tokens: 10, share_of_cost: 0.3 },
      ],
      others: { key: '2 others', cost_usd: 2, requests: 2, total_tokens: 20, share_of_cost: 0.2, count: 2 },
    });
  });

  it('folds nothing when every row fits', () => {
    expect(foldBreakdown([group('a', 1, 1)]).others).toBe(null);
  });
});

describe('breakdownOf', () => {
  it('groups a period by a label as GET /v1/summary does, with each share of cost', () => {
    const events = popupTestEvents(40);
    const table = addEventsToTable(emptyDayTable('UTC'), events, events.length, 'last');
    const from = Date.parse('2025-03-04T00:00:00Z');
    const to = Date.parse('2025-03-11T00:00:00Z');
    const expected = summarize(events, { from, to, tz: 'UTC', group_by: 'provider' }).groups;
    expect(breakdownOf(table, 'provider', '7d', POPUP_NOW)).toEqual({
      dimension: 'provider',
      period: '7d',
      ...foldBreakdown(expected),
    });
    expect(expected.map((row) => row.key)).toEqual(['anthropic', 'openai', 'google']);
  });
});
