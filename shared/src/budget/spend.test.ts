import { describe, expect, it } from 'vitest';
import { fakeStoredEvent } from '../aggregate/fake-events';
import { periodBounds } from './period';
import { budgetSpentUsd } from './spend';

describe('budgetSpentUsd', () => {
  const events = [
    fakeStoredEvent({ ts: '2026-03-08T04:59:59Z', cost_usd: 5, agent: 'main' }),
    fakeStoredEvent({ ts: '2026-03-08T05:00:00Z', cost_usd: 0.1, agent: 'main' }),
    fakeStoredEvent({ ts: '2026-03-08T20:00:00Z', cost_usd: 0.2, agent: 'main/sub' }),
    fakeStoredEvent({ ts: '2026-03-08T21:00:00Z', cost_usd: null, agent: 'main' }),
    fakeStoredEvent({ ts: '2026-03-08T22:00:00Z', cost_usd: 7, agent: 'ops' }),
    fakeStoredEvent({ ts: '2026-03-09T04:00:00Z', cost_usd: 9, agent: 'main' }),
  ];

  it('sums priced events in scope within the local period, exactly', () => {
    const bounds = periodBounds('day', Date.parse('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(budgetSpentUsd({ scope: { agent: 'main' } }, bounds, events)).toBe(0.3);
  });

  it('sums everything for a total budget without scope', () => {
    expect(budgetSpentUsd({ scope: {} }, { start: null, end: null }, events)).toBe(21.3);
  });
});
