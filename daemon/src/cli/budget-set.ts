import { z } from 'zod';
import { budgetIdSchema, budgetPeriodSchema, type Budget } from '@tokentally/shared/api/budget';
import { formatPercent, formatUsd } from '@tokentally/shared/report/format-number';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { EXIT } from './io';
import { fail, writeJson } from './output';
import { usageError } from './usage';

const limitSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number)
  .pipe(z.number().positive());
const warnAtSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number)
  .pipe(z.number().min(0).max(1));

/** `project=website agent=main`, or `everything` for an empty scope. */
export function describeScope(scope: Budget['scope']): string {
  const parts = Object.entries(scope).map(([key, value]) => `${key}=${value}`);
  return parts.length === 0 ? 'everything' : parts.join(' ');
}

/** `tokentally budget set`: creates or replaces a budget. */
export const budgetSetCommand = defineCommand({
  name: 'budget set',
  summary: 'create or replace a budget',
  help: `Usage: tokentally budget set <id> --limit USD --period day|week|month|total [options]

Creates the budget <id> (1..64 of A-Z a-z 0-9 . _ : -), or replaces it.

Options:
  --limit USD        the limit in USD, > 0 (required)
  --period P         day, week, month or total (required); periods follow the daemon's time zone
  --warn-at F        warn from this share of the limit, 0..1 (default 0.9)
  --name TEXT        a display name (default: the id)
  --project NAME     count only this project
  --agent NAME       count only this agent and its sub-agents
  --model NAME       count only this model
  --provider NAME    count only this provider
  --json             print the stored budget as JSON
  -h, --help         show this help

Example:
  tokentally budget set daily --limit 10 --period day --warn-at 0.8`,
  options: {
    limit: { type: 'string' },
    period: { type: 'string' },
    'warn-at': { type: 'string' },
    name: { type: 'string' },
    project: { type: 'string' },
    agent: { type: 'string' },
    model: { type: 'string' },
    provider: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run(io, { values, positionals }) {
    const id = budgetIdSchema.safeParse(positionals[0]);
    if (!id.success)
      return usageError(io, 'budget set', `the budget id ${id.error.issues[0]?.message ?? 'is invalid'}`);
    if (values.limit === undefined) return usageError(io, 'budget set', 'missing --limit USD');
    const limit = limitSchema.safeParse(values.limit);
    if (!limit.success)
      return usageError(io, 'budget set', `--limit expects an amount in USD > 0; got '${values.limit}'`);
    if (values.period === undefined)
      return usageError(io, 'budget set', 'missing --period day|week|month|total');
    const period = budgetPeriodSchema.safeParse(values.period);
    if (!period.success) {
      return usageError(
        io,
        'budget set',
        `--period expects day, week, month or total; got '${values.period}'`,
      );
    }
    const warnAt = warnAtSchema.safeParse(values['warn-at'] ?? '0.9');
    if (!warnAt.success) {
      return usageError(
        io,
        'budget set',
        `--warn-at expects a share from 0 to 1; got '${values['warn-at'] ?? ''}'`,
      );
    }
    const { project, agent, model, provider } = values;
    const scope = Object.fromEntries(
      Object.entries({ project, agent, model, provider }).filter(([, value]) => value !== undefined),
    );
    const body = {
      name: values.name ?? id.data,
      period: period.data,
      limit_usd: limit.data,
      warn_at: warnAt.data,
      scope,
    };
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'budget set', linked.message);
    const result = await linked.client.putBudget(id.data, body);
    if (!result.ok) return fail(io, describeError(result.error, linked.client.baseUrl), EXIT.failure);
    const budget = result.value;
    if (values.json === true) writeJson(io.stdout, budget);
    else {
      const per = budget.period === 'total' ? 'in total' : `per ${budget.period}`;
      io.stdout.write(
        `budget '${budget.id}' set: ${formatUsd(budget.limit_usd)} ${per}, warn at ${formatPercent(budget.warn_at)}, scope: ${describeScope(budget.scope)}\n`,
      );
    }
    return EXIT.ok;
  },
});
