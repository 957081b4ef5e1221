import type { BudgetPeriod, BudgetStatus } from '@tokentally/shared/api/budget';
import { type BudgetAlert, detectCrossings } from '@tokentally/shared/budget/crossings';
import { budgetAlertsMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import { formatUsd } from './badge-text';

/** The part of `browser.notifications` the alerts use. */
export interface NotificationsLike {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number },
  ): Promise<string>;
}

const PERIOD_WORDS: Record<BudgetPeriod, string> = {
  day: 'today',
  week: 'this week',
  month: 'this month',
  total: 'in total',
};

/** The words of a budget alert: its title and message. */
export function alertText(
  alert: BudgetAlert,
  period: BudgetPeriod | undefined,
): { title: string; message: string } {
  const percent = Math.round((alert.spent_usd / alert.limit_usd) * 100);
  const when = period === undefined ? '' : ` ${PERIOD_WORDS[period]}`;
  const spent = `${formatUsd(alert.spent_usd, 2)} of ${formatUsd(alert.limit_usd, 2)} spent${when} (${percent}%).`;
  return alert.level === 'exceeded'
    ? { title: `Budget exceeded: ${alert.name}`, message: spent }
    : { title: `Budget warning: ${alert.name}`, message: spent };
}

/** Shows one notification per budget, period and level as budget statuses arrive. */
export interface BudgetNotifier {
  /** Notifies the crossings in this status that were not notified before; resolves with them. */
  check(status: BudgetStatus): Promise<BudgetAlert[]>;
}

interface NotifierDeps {
  db: TokentallyMirror;
  notifications: NotificationsLike;
  iconUrl: string;
}

/**
 * Creates the notifier. What was notified is remembered in the mirror before the notification is shown, so a
 * worker that restarts (or crashes mid-way) never shows the same crossing twice; checks run one at a time.
 */
export function createBudgetNotifier({ db, notifications, iconUrl }: NotifierDeps): BudgetNotifier {
  let queue: Promise<unknown> = Promise.resolve();

  async function checkNow(status: BudgetStatus): Promise<BudgetAlert[]> {
    const previous = (await budgetAlertsMeta.read(db)) ?? {};
    const { alerts, state } = detectCrossings(previous, status.budgets);
    await budgetAlertsMeta.write(db, state);
    const periods = new Map(status.budgets.map((entry) => [entry.id, entry.period]));
    for (const alert of alerts) {
      const id = `budget:${alert.id}:${alert.period_start ?? 'total'}:${alert.level}`;
      const text = alertText(alert, periods.get(alert.id));
      await notifications.create(id, {
        type: 'basic',
        iconUrl,
        ...text,
        priority: alert.level === 'exceeded' ? 2 : 1,
      });
    }
    return alerts;
  }

  return {
    check(status) {
      const next = queue.then(() => checkNow(status));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
