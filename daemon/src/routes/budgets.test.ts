import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@tokentally/shared/api/ingest';
import { fakeWireEvent } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

const NOW = Date.parse('2026-05-15T12:00:00Z');
let t: TestDaemon;
beforeEach(async () => {
  t = await startTestDaemon({ clock: { now: () => NOW } });
});
afterEach(async () => {
  await t.close();
});

// gpt-4o: $2.50 per million input tokens, so 400,000 input tokens cost $1.
const dollar = (overrides = {}) =>
  fakeWireEvent({ model: 'gpt-4o', input_tokens: 400_000, output_tokens: 0, ...overrides });

describe('budgets', () => {
  it('creates, lists, replaces and deletes a budget', async () => {
    const created = await t.json('/v1/budgets/monthly', {
      method: 'PUT',
      body: { period: 'month', limit_usd: 50 },
    });
    await t.json('/v1/budgets/alpha', {
      method: 'PUT',
      body: { name: 'Alpha', period: 'day', limit_usd: 5, warn_at: 0.5, scope: { project: 'alpha' } },
    });
    const replaced = await t.json('/v1/budgets/monthly', {
      method: 'PUT',
      body: { period: 'month', limit_usd: 80 },
    });
    const deleted = await t.json('/v1/budgets/alpha', { method: 'DELETE' });
    const listed = await t.json('/v1/budgets');
    expect(created).toEqual({
      status: 200,
      body: { id: 'monthly', name: 'monthly', period: 'month', limit_usd: 50, warn_at: 0.9, scope: {} },
    });
    expect(replaced.body).toMatchObject({ limit_usd: 80 });
    expect(deleted).toEqual({ status: 200, body: { deleted: true, id: 'alpha' } });
    expect(listed.body).toEqual({
      budgets: [{ id: 'monthly', name: 'monthly', period: 'month', limit_usd: 80, warn_at: 0.9, scope: {} }],
    });
  });

  it('answers 404 when deleting an unknown budget', async () => {
    expect(await t.json('/v1/budgets/nope', { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });

  it('refuses a bad budget, naming the field', async () => {
    const negative = await t.json('/v1/budgets/b', {
      method: 'PUT',
      body: { period: 'month', limit_usd: -1 },
    });
    const period = await t.json('/v1/budgets/b', { method: 'PUT', body: { period: 'year', limit_usd: 1 } });
    const badId = await t.json('/v1/budgets/a%20b', { method: 'PUT', body: { period: 'day', limit_usd: 1 } });
    const reserved = await t.json('/v1/budgets/status', {
      method: 'PUT',
      body: { period: 'day', limit_usd: 1 },
    });
    const mismatch = await t.json('/v1/budgets/b', {
      method: 'PUT',
      body: { id: 'c', period: 'day', limit_usd: 1 },
    });
    const named = [negative, period, badId, reserved, mismatch].map((answer) => [
      answer.status,
      apiErrorSchema.parse(answer.body).error.issues?.map((issue) => issue.path),
    ]);
    expect(named).toEqual([
      [400, ['limit_usd']],
      [400, ['period']],
      [400, ['id']],
      [400, ['id']],
      [400, ['id']],
    ]);
  });

  it('reports spend, levels, period bounds and projection', async () => {
    await t.json('/v1/budgets/daily', { method: 'PUT', body: { period: 'day', limit_usd: 4, warn_at: 0.5 } });
    await t.json('/v1/budgets/alpha', {
      method: 'PUT',
      body: { period: 'month', limit_usd: 10, scope: { project: 'alpha' } },
    });
    await t.json('/v1/budgets/total', { method: 'PUT', body: { period: 'total', limit_usd: 2 } });
    await t.json('/v1/events', {
      body: [
        dollar({ project: 'alpha' }),
        dollar({ project: 'beta' }),
        dollar({ project: 'alpha', ts: '2026-05-01T00:00:00Z' }),
      ],
    });
    const { body } = await t.json('/v1/budgets/status');
    expect(body).toEqual({
      status: 'exceeded',
      budgets: [
        {
          id: 'alpha',
          name: 'alpha',
          period: 'month',
          spent_usd: 2,
          limit_usd: 10,
          utilization: 0.2,
          status: 'ok',
          period_start: '2026-05-01T00:00:00Z',
          period_end: '2026-06-01T00:00:00Z',
          projected_usd: 4.275862069,
        },
        {
          id: 'daily',
          name: 'daily',
          period: 'day',
          spent_usd: 2,
          limit_usd: 4,
          utilization: 0.5,
          status: 'warning',
          period_start: '2026-05-15T00:00:00Z',
          period_end: '2026-05-16T00:00:00Z',
          projected_usd: 4,
        },
        {
          id: 'total',
          name: 'total',
          period: 'total',
          spent_usd: 3,
          limit_usd: 2,
          utilization: 1.5,
          status: 'exceeded',
          period_start: null,
          period_end: null,
          projected_usd: 3,
        },
      ],
    });
  });

  it('passes a check while no matching budget is exceeded, and answers 402 naming the one that is', async () => {
    await t.json('/v1/budgets/alpha', {
      method: 'PUT',
      body: { name: 'Alpha', period: 'day', limit_usd: 1, scope: { project: 'alpha' } },
    });
    await t.json('/v1/events', { body: [dollar({ project: 'alpha' })] });
    const beta = await t.json('/v1/budgets/check?project=beta');
    const alpha = await t.json('/v1/budgets/check?project=alpha&model=gpt-4o');
    expect(beta).toEqual({ status: 200, body: { ok: true, budgets: [] } });
    expect(alpha).toMatchObject({
      status: 402,
      body: {
        error: {
          code: 'budget_exceeded',
          message: 'budget "Alpha" (alpha) is exceeded: spent $1.00 of $1.00 this day',
        },
        budget: { id: 'alpha', status: 'exceeded', spent_usd: 1 },
      },
    });
  });

  it('applies a provider budget to a check naming only the model', async () => {
    await t.json('/v1/budgets/openai', {
      method: 'PUT',
      body: { period: 'total', limit_usd: 0.5, scope: { provider: 'openai' } },
    });
    await t.json('/v1/events', { body: [dollar()] });
    const openai = await t.json('/v1/budgets/check?model=gpt-4o');
    const anthropic = await t.json('/v1/budgets/check?model=claude-sonnet-4-20250514');
    expect([openai.status, anthropic.status]).toEqual([402, 200]);
  });

  it('counts sub-agents toward an agent budget', async () => {
    await t.json('/v1/budgets/main', {
      method: 'PUT',
      body: { period: 'day', limit_usd: 10, scope: { agent: 'main' } },
    });
    await t.json('/v1/events', {
      body: [dollar({ agent: 'main' }), dollar({ agent: 'main/researcher' }), dollar({ agent: 'mainframe' })],
    });
    const { body } = await t.json('/v1/budgets/status');
    expect(body).toMatchObject({ budgets: [{ id: 'main', spent_usd: 2 }] });
  });
});
