import type { BudgetStatus } from '@tokentally/shared/api/budget';
import type { ConnectionState } from '../db/meta';
import { formatBadgeSpend, formatUsd } from './badge-text';

/** Badge colours: red once a budget is exceeded, amber at a warning, green when budgets are fine, grey without any. */
export const BADGE_COLORS = {
  exceeded: '#DC2626',
  warning: '#F59E0B',
  ok: '#16A34A',
  none: '#52525B',
} as const;

/** What the toolbar button shows. */
export interface BadgeView {
  text: string;
  color: string;
  textColor: string;
  title: string;
}

/** What the badge is drawn from: today's spend, the last budget status known, and the connection state. */
export interface BadgeInput {
  spendTodayUsd: number;
  budgets: BudgetStatus | undefined;
  connection: ConnectionState | undefined;
}

type BadgeLevel = keyof typeof BADGE_COLORS;

function levelOf(budgets: BudgetStatus | undefined): BadgeLevel {
  if (budgets === undefined || budgets.budgets.length === 0) return 'none';
  return budgets.status;
}

function worstBudgetLine(budgets: BudgetStatus | undefined): string | undefined {
  const worst = budgets?.budgets.toSorted((a, b) => b.utilization - a.utilization)[0];
  if (worst === undefined || worst.status === 'ok') return undefined;
  const percent = Math.round(worst.utilization * 100);
  return `Budget "${worst.name}": ${percent}% used (${worst.status})`;
}

function connectionLine(connection: ConnectionState | undefined): string | undefined {
  if (connection === undefined) return undefined;
  const url = connection.daemon_url;
  switch (connection.state) {
    case 'online':
      return undefined;
    case 'connecting':
      return `connecting to the daemon (${url})`;
    case 'offline':
      return `daemon offline (${url})`;
    case 'unauthorized':
      return `daemon refused the token (${url})`;
    case 'forbidden':
      return `daemon refused this extension (${url})`;
    default:
      return connection.state satisfies never;
  }
}

/**
 * The badge for a state. When the daemon cannot be reached the text and colour stay what the mirror last knew
 * and only the tooltip says so.
 */
export function badgeView({ spendTodayUsd, budgets, connection }: BadgeInput): BadgeView {
  const level = levelOf(budgets);
  const problem = connectionLine(connection);
  const headline =
    problem === undefined ? `Tokentally — ${formatUsd(spendTodayUsd, 2)} today` : `Tokentally — ${problem}`;
  const lines = [headline, problem === undefined ? undefined : `${formatUsd(spendTodayUsd, 2)} today`];
  lines.push(worstBudgetLine(budgets));
  if (connection !== undefined && connection.settings_error !== null) lines.push(connection.settings_error);
  return {
    text: formatBadgeSpend(spendTodayUsd),
    color: BADGE_COLORS[level],
    textColor: level === 'warning' ? '#111827' : '#FFFFFF',
    title: lines.filter((line) => line !== undefined).join('\n'),
  };
}
