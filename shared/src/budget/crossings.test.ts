import { describe, expect, it } from 'vitest';
import type { BudgetStatusEntry } from '../api/budget';
import { budgetAlertStateSchema, detectCrossings } from './crossings';

const entry = (overrides: Partial<BudgetStatusEntry> = {}): BudgetStatusEntry => ({
  id: 'daily',
  name: 'Daily',
  period: 'day',
  spent_usd: 1,
  limit_usd: 10,
  utilization: 0.1,
  status: 'ok',
  period_start: '2026-03-08T00:00:00-05:00',
  period_end: '2026-03-09T00:00:00-04:00',
  projected_usd: 2,
  ...overrides,
});
const warning = entry({ status: 'warning', spent_usd: 9, utilization: 0.9 });
const exceeded = entry({ status: 'exceeded', spent_usd: 11, utilization: 1.1 });
const levels = (alerts: { level: string }[]) => alerts.map((alert) => alert.level);

describe('detectCrossings', () => {
  it('fires nothing while a budget stays ok', () => {
    expect(detectCrossings({}, [entry()])).toEqual({
      alerts: [],
      state: { daily: { level: 'ok', period_start: '2026-03-08T00:00:00-05:00', limit_usd: 10 } },
    });
  });

  it('fires a warning once, then exceeded once', () => {
    const first = detectCrossings(detectCrossings({}, [entry()]).state, [warning]);
    expect(first.alerts).toEqual([
      {
        id: 'daily',
        name: 'Daily',
        level: 'warning',
        spent_usd: 9,
        limit_usd: 10,
        period_start: '2026-03-08T00:00:00-05:00',
      },
    ]);
    const again = detectCrossings(first.state, [warning]);
    expect(again.alerts).toEqual([]);
    const over = detectCrossings(again.state, [exceeded]);
    expect(levels(over.alerts)).toEqual(['exceeded']);
    expect(detectCrossings(over.state, [exceeded]).alerts).toEqual([]);
  });

  it('fires only exceeded when a budget jumps from ok past its limit', () => {
    const ok = detectCrossings({}, [entry()]).state;
    expect(levels(detectCrossings(ok, [exceeded]).alerts)).toEqual(['exceeded']);
  });

  it('does not fire again when spend dips and rises within the same period', () => {
    const warned = detectCrossings({}, [warning]).state;
    const dipped = detectCrossings(warned, [entry()]);
    expect(dipped.state.daily?.level).toBe('warning');
    expect(detectCrossings(dipped.state, [warning]).alerts).toEqual([]);
  });

  it('fires again in a new period', () => {
    const over = detectCrossings({}, [exceeded]).state;
    const nextDay = { period_start: '2026-03-09T00:00:00-04:00' };
    const reset = detectCrossings(over, [entry(nextDay)]);
    expect(reset.alerts).toEqual([]);
    expect(levels(detectCrossings(reset.state, [entry({ ...nextDay, status: 'warning' })]).alerts)).toEqual([
      'warning',
    ]);
  });

  it('starts afresh when the limit changes', () => {
    const over = detectCrossings({}, [exceeded]).state;
    expect(levels(detectCrossings(over, [entry({ status: 'exceeded', limit_usd: 20 })]).alerts)).toEqual([
      'exceeded',
    ]);
  });

  it('tracks budgets apart and forgets deleted ones', () => {
    const state = detectCrossings({}, [warning, entry({ id: 'weekly', name: 'Weekly' })]).state;
    const next = detectCrossings(state, [entry({ id: 'weekly', name: 'Weekly', status: 'warning' })]);
    expect(next.alerts.map((alert) => [alert.id, alert.level])).toEqual([['weekly', 'warning']]);
    expect(Object.keys(next.state)).toEqual(['weekly']);
  });

  it('keeps a state that survives JSON and its schema', () => {
    const { state } = detectCrossings({}, [warning]);
    const restored = budgetAlertStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(detectCrossings(restored, [warning]).alerts).toEqual([]);
  });

  it('treats an id that names an object property as plain data', () => {
    const odd = detectCrossings({}, [entry({ id: 'constructor', status: 'warning' })]);
    expect(levels(odd.alerts)).toEqual(['warning']);
    expect(detectCrossings(odd.state, [entry({ id: 'constructor', status: 'warning' })]).alerts).toEqual([]);
  });
});
