import { budgetIdSchema } from '@tokentally/shared/api/budget';
import { formatPercent, formatUsd } from '@tokentally/shared/report/format-number';
import { describeScope } from './budget-set';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { EXIT } from './io';
import { colorsFor, fail, writeJson } from './output';
import { tableFor } from './table';
import { usageError } from './usage';

/** `tokentally budget list`: every budget with its limit, period and scope. */
export const budgetListCommand = defineCommand({
  name: 'budget list',
  summary: 'list budgets',
  help: `Usage: tokentally budget list [--json]

Lists every budget: id, name, period, limit, warning threshold and scope.

Options:
  --json       print {"budgets": [...]}
  -h, --help   show this help`,
  options: { json: { type: 'boolean' } },
  async run(io, { values }) {
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'budget list', linked.message);
    const result = await linked.client.listBudgets();
    if (!result.ok) return fail(io, describeError(result.error, linked.client.baseUrl), EXIT.failure);
    const budgets = result.value;
    if (values.json === true) {
      writeJson(io.stdout, { budgets });
      return EXIT.ok;
    }
    if (budgets.length === 0) {
      io.stdout.write("no budgets yet; add one with 'tokentally budget set <id> --limit USD --period day'\n");
      return EXIT.ok;
    }
    const columns = [
      { header: 'id', shrink: true },
      { header: 'name', shrink: true },
      { header: 'period' },
      { header: 'limit', align: 'right' },
      { header: 'warn at', align: 'right' },
      { header: 'scope', shrink: true },
    ] as const;
    const rows = budgets.map((b) => [
      b.id,
      b.name,
      b.period,
      formatUsd(b.limit_usd),
      formatPercent(b.warn_at),
      describeScope(b.scope),
    ]);
    io.stdout.write(`${tableFor(io.stdout, colorsFor(io.stdout, io.env), columns, rows)}\n`);
    return EXIT.ok;
  },
});

/** `tokentally budget rm`: deletes a budget. */
export const budgetRemoveCommand = defineCommand({
  name: 'budget rm',
  summary: 'delete a budget',
  help: `Usage: tokentally budget rm <id>

Deletes the budget <id>. Exits 1 if there is no such budget.

Options:
  -h, --help   show this help`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run(io, { positionals }) {
    const id = budgetIdSchema.safeParse(positionals[0]);
    if (!id.success)
      return usageError(io, 'budget rm', `the budget id ${id.error.issues[0]?.message ?? 'is invalid'}`);
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'budget rm', linked.message);
    const result = await linked.client.deleteBudget(id.data);
    if (!result.ok) {
      const missing = result.error.status === 404;
      const message = missing ? `no budget '${id.data}'` : describeError(result.error, linked.client.baseUrl);
      return fail(io, message, EXIT.failure);
    }
    io.stdout.write(`budget '${id.data}' removed\n`);
    return EXIT.ok;
  },
});
