import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testMirror } from '../db/test-mirror';
import { fakeBudgetEntry, fakeBudgetStatus } from './budget-fixtures';
import { createBudgetNotifier } from './budget-notifier';

const notifierOn = (db: ReturnType<typeof testMirror>) =>
  createBudgetNotifier({ db, notifications: fakeBrowser.notifications, iconUrl: 'icon.png' });

describe('budget notifications', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('notifies the warning and the excess once each, even when the worker restarts in between', async () => {
    const name = `notify-${String(Date.now())}`;
    const first = testMirror(name);
    await notifierOn(first).check(fakeBudgetStatus(fakeBudgetEntry(5)));
    await notifierOn(first).check(fakeBudgetStatus(fakeBudgetEntry(9.2)));
    await notifierOn(first).check(fakeBudgetStatus(fakeBudgetEntry(9.5)));
    first.close();
    const restarted = testMirror(name);
    await notifierOn(restarted).check(fakeBudgetStatus(fakeBudgetEntry(9.6)));
    await notifierOn(restarted).check(fakeBudgetStatus(fakeBudgetEntry(11)));
    await notifierOn(restarted).check(fakeBudgetStatus(fakeBudgetEntry(12)));
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      'budget:daily:2025-03-01T00:00:00Z:warning': {
        type: 'basic',
        iconUrl: 'icon.png',
        title: 'Budget warning: Daily',
        message: '$9.20 of $10.00 spent today (92%).',
        priority: 1,
      },
      'budget:daily:2025-03-01T00:00:00Z:exceeded': {
        type: 'basic',
        iconUrl: 'icon.png',
        title: 'Budget exceeded: Daily',
        message: '$11.00 of $10.00 spent today (110%).',
        priority: 2,
      },
    });
  });

  it('notifies again in the next period', async () => {
    const db = testMirror();
    const notifier = notifierOn(db);
    await notifier.check(fakeBudgetStatus(fakeBudgetEntry(11)));
    const nextDay = { period_start: '2025-03-02T00:00:00Z' };
    const alerts = await notifier.check(fakeBudgetStatus(fakeBudgetEntry(11, nextDay)));
    expect(alerts.map((alert) => [alert.level, alert.period_start])).toEqual([
      ['exceeded', '2025-03-02T00:00:00Z'],
    ]);
  });

  it('notifies a jump from ok straight to exceeded once, as exceeded', async () => {
    const db = testMirror();
    const notifier = notifierOn(db);
    await notifier.check(fakeBudgetStatus(fakeBudgetEntry(1)));
    const alerts = await notifier.check(fakeBudgetStatus(fakeBudgetEntry(20)));
    expect(alerts.map((alert) => alert.level)).toEqual(['exceeded']);
  });
});
