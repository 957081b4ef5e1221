import type { BudgetLevel } from '@tokentally/shared/api/budget';
import { formatPercent, formatUsd } from '@tokentally/shared/report/format-number';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { EXIT } from './io';
import { type Colors, colorsFor, fail, writeJson } from './output';
import { tableFor } from './table';
import { usageError } from './usage';

/** The exit code for CI: 0 all ok, 1 a warning, 2 something exceeded. */
export function exitCodeFor(level: BudgetLevel): number {
  switch (level) {
    case 'ok':
      return EXIT.ok;
    case 'warning':
      return EXIT.failure;
    case 'exceeded':
      return EXIT.exceeded;
    default:
      return level satisfies never;
  }
}

function paintLevel(c: Colors, level: BudgetLevel): string {
  return level === 'ok' ? c.green(level) : level === 'warning' ? c.yellow(level) : c.red(level);
}

/** `tokentally budget status`: each budget's spend this period; the exit code says the worst level. */
export const budgetStatusCommand = defineCommand({
  name: 'budget status',
  summary: 'spend against each budget; exit 0 ok, 1 warning, 2 exceeded',
  help: `Usage: tokentally budget status [--json]

Shows each budget's spend in its current period, the share of the limit used, and the spend projected to
the end of the period. Made for CI: the exit code is the worst status.

Exit codes:
  0    every budget is ok (or there are none)
  1    a budget reached its warning threshold (or the daemon is not running)
  2    a budget is exceeded

Options:
  --json       print the daemon's status as JSON
  -h, --help   show this help`,
  options: { json: { type: 'boolean' } },
  async run(io, { values }) {
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'budget status', linked.message);
    const result = await linked.client.budgetStatus();
    if (!result.ok) return fail(io, describeError(result.error, linked.client.baseUrl), EXIT.failure);
    const status = result.value;
    if (values.json === true) {
      writeJson(io.stdout, status);
      return exitCodeFor(status.status);
    }
    if (status.budgets.length === 0) {
      io.stdout.write("no budgets yet; add one with 'tokentally budget set <id> --limit USD --period day'\n");
      return EXIT.ok;
    }
    const c = colorsFor(io.stdout, io.env);
    const columns = [
      { header: 'budget', shrink: true },
      { header: 'period' },
      { header: 'spent', align: 'right' },
      { header: 'limit', align: 'right' },
      { header: 'used', align: 'right' },
      { header: 'projected', align: 'right' },
      { header: 'status' },
    ] as const;
    const rows = status.budgets.map((b) => [
      b.id,
      b.period,
      formatUsd(b.spent_usd),
      formatUsd(b.limit_usd),
      formatPercent(b.utilization),
      formatUsd(b.projected_usd),
      paintLevel(c, b.status),
    ]);
    io.stdout.write(`${tableFor(io.stdout, c, columns, rows)}\n\noverall: ${paintLevel(c, status.status)}\n`);
    return exitCodeFor(status.status);
  },
});
