import { describe, expect, it } from 'vitest';
import type { Budget } from '../api/budget';
import { budgetStatus, budgetStatusEntry, overallStatus } from './status';

const daily: Budget = { id: 'daily', name: 'Daily', period: 'day', limit_usd: 10, warn_at: 0.9, scope: {} };
const noonInNewYork = Date.parse('2026-03-08T17:00:00Z');

describe('budgetStatusEntry', () => {
  it('reports spend, utilization, bounds and a linear projection over a 23-hour day', () => {
    expect(budgetStatusEntry(daily, 6, noonInNewYork, 'America/New_York')).toEqual({
      id: 'daily',
      name: 'Daily',
      period: 'day',
      spent_usd: 6,
      limit_usd: 10,
      utilization: 0.6,
      status: 'ok',
      period_start: '2026-03-08T00:00:00-05:00',
      period_end: '2026-03-09T00:00:00-04:00',
      projected_usd: 11.5,
    });
  });

  it('warns from warn_at, without float noise deciding it', () => {
    expect(budgetStatusEntry(daily, 8.99, noonInNewYork, 'UTC').status).toBe('ok');
    expect(budgetStatusEntry(daily, 9, noonInNewYork, 'UTC').status).toBe('warning');
    const small = { ...daily, limit_usd: 0.3 };
    expect(budgetStatusEntry(small, 0.27, noonInNewYork, 'UTC')).toMatchObject({
      status: 'warning',
      utilization: 0.9,
    });
  });

  it('counts reaching the limit as exceeded', () => {
    expect(budgetStatusEntry(daily, 9.999999, noonInNewYork, 'UTC').status).toBe('warning');
    expect(budgetStatusEntry(daily, 10, noonInNewYork, 'UTC').status).toBe('exceeded');
    expect(budgetStatusEntry(daily, 12.5, noonInNewYork, 'UTC')).toMatchObject({
      status: 'exceeded',
      utilization: 1.25,
    });
  });

  it('projects from at least one elapsed hour at the start of a period', () => {
    const tenPastMidnight = Date.parse('2026-06-01T00:10:00Z');
    expect(budgetStatusEntry(daily, 1, tenPastMidnight, 'UTC').projected_usd).toBe(24);
  });

  it('projects a week and a month over their local length', () => {
    const weekly = { ...daily, period: 'week' as const };
    // Wednesday 12:00 in London: 2.5 of 7 days gone.
    expect(
      budgetStatusEntry(weekly, 5, Date.parse('2026-01-07T12:00:00Z'), 'Europe/London').projected_usd,
    ).toBe(14);
    const monthly = { ...daily, period: 'month' as const };
    // 2026-02-08T00:00 in Tokyo: 7 of 28 days gone.
    const entry = budgetStatusEntry(monthly, 2.5, Date.parse('2026-02-07T15:00:00Z'), 'Asia/Tokyo');
    expect([entry.projected_usd, entry.period_start, entry.period_end]).toEqual([
      10,
      '2026-02-01T00:00:00+09:00',
      '2026-03-01T00:00:00+09:00',
    ]);
  });

  it('projects a total budget as what it has spent, with no bounds', () => {
    const total: Budget = { ...daily, period: 'total' };
    expect(budgetStatusEntry(total, 3.5, noonInNewYork, 'UTC')).toMatchObject({
      projected_usd: 3.5,
      period_start: null,
      period_end: null,
    });
  });
});

describe('overallStatus', () => {
  it('is the worst level, ok when there are no budgets', () => {
    expect(overallStatus([])).toBe('ok');
    expect(overallStatus([{ status: 'ok' }, { status: 'warning' }])).toBe('warning');
    expect(overallStatus([{ status: 'exceeded' }, { status: 'warning' }])).toBe('exceeded');
  });

  it('heads the status answer', () => {
    const entry = budgetStatusEntry(daily, 9.5, noonInNewYork, 'UTC');
    expect(budgetStatus([entry])).toEqual({ status: 'warning', budgets: [entry] });
  });
});
