import { Hono } from 'hono';
import type { Budget, BudgetStatusEntry } from '@tokentally/shared/api/budget';
import { budgetIdSchema, budgetInputSchema } from '@tokentally/shared/api/budget';
import { eventFilterSchema } from '@tokentally/shared/api/query';
import { matchesScope } from '@tokentally/shared/budget/scope';
import { inferProvider } from '@tokentally/shared/schema/provider';
import { ApiError, invalid } from '../http-error';
import { parseBody, parseQuery, readJson } from './request-input';
import type { RouteDeps } from './route-deps';

// Sub-paths of /v1/budgets that are endpoints, so never budget ids.
const RESERVED_IDS = new Set(['status', 'check']);

function budgetId(raw: string): string {
  const parsed = budgetIdSchema.safeParse(raw);
  const message = parsed.success ? `"${raw}" is reserved` : (parsed.error.issues[0]?.message ?? 'invalid id');
  if (parsed.success && !RESERVED_IDS.has(parsed.data)) return parsed.data;
  throw invalid('invalid_budget', [{ index: null, path: 'id', message }], `id: ${message}`);
}

const usd = (value: number): string => `$${value.toFixed(value < 1 ? 4 : 2)}`;

function exceededMessage(entry: BudgetStatusEntry): string {
  const period = entry.period === 'total' ? 'in total' : `this ${entry.period}`;
  return `budget "${entry.name}" (${entry.id}) is exceeded: spent ${usd(entry.spent_usd)} of ${usd(entry.limit_usd)} ${period}`;
}

/** Budgets CRUD, `GET /v1/budgets/status`, and `GET /v1/budgets/check` (402 naming an exceeded budget). */
export function budgetRoutes({ store }: RouteDeps): Hono {
  const app = new Hono();

  app.get('/v1/budgets', (c) => c.json({ budgets: store.listBudgets() }));

  app.get('/v1/budgets/status', (c) => c.json(store.budgetStatus()));

  // A budget applies to a check when the request matches every field of its scope; a model named without a
  // provider implies the provider, so a scope of `provider=anthropic` holds back `model=claude-...`.
  app.get('/v1/budgets/check', (c) => {
    const query = parseQuery(c, eventFilterSchema);
    const model = query.model ?? '';
    const request = {
      model,
      provider: query.provider ?? (model === '' ? '' : inferProvider(model)),
      agent: query.agent,
      project: query.project,
    };
    const applicable = new Set(
      store
        .listBudgets()
        .filter((budget) => matchesScope(budget.scope, request))
        .map((budget) => budget.id),
    );
    const status = store.budgetStatus();
    const entries = status.budgets.filter((entry) => applicable.has(entry.id));
    const exceeded = entries.filter((entry) => entry.status === 'exceeded');
    const [first] = exceeded;
    if (first !== undefined) {
      throw new ApiError(402, 'budget_exceeded', exceededMessage(first), {
        extra: { budget: first, budgets: exceeded },
      });
    }
    return c.json({ ok: true, budgets: entries });
  });

  app.put('/v1/budgets/:id', async (c) => {
    const id = budgetId(c.req.param('id'));
    const input = parseBody(await readJson(c), budgetInputSchema, 'invalid_budget');
    if (input.id !== undefined && input.id !== id) {
      const message = `the body's id "${input.id}" differs from the path's "${id}"`;
      throw invalid('invalid_budget', [{ index: null, path: 'id', message }], `id: ${message}`);
    }
    const budget: Budget = {
      id,
      name: input.name ?? id,
      period: input.period,
      limit_usd: input.limit_usd,
      warn_at: input.warn_at,
      scope: input.scope,
    };
    await store.putBudget(budget);
    return c.json(budget);
  });

  app.delete('/v1/budgets/:id', async (c) => {
    const id = budgetId(c.req.param('id'));
    if (!(await store.removeBudget(id))) throw new ApiError(404, 'not_found', `no budget with id "${id}"`);
    return c.json({ deleted: true, id });
  });

  return app;
}
