import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetExceededError } from './budget-check';
import { createTracker } from './create-tracker';
import { freePort, startTestDaemon, type TestDaemon } from './testing/test-daemon';

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
  const client = createDaemonClient({ baseUrl: daemon.url, fetch });
  await client.putBudget('spender-cap', {
    name: 'Spender cap',
    period: 'total',
    limit_usd: 0.01,
    scope: { agent: 'spender' },
  });
});
afterAll(() => daemon.close());

describe('checkBudget', () => {
  it('passes while the budget has room', async () => {
    const tracker = createTracker({ agent: 'spender', url: daemon.url });
    expect(await tracker.checkBudget()).toEqual({ checked: true });
    await tracker.close();
  });

  it('throws BudgetExceededError naming the budget once the agent has spent it', async () => {
    const tracker = createTracker({ agent: 'spender', url: daemon.url });
    tracker.record({ model: 'gpt-4o', input_tokens: 1000, cost_usd: 0.02 });
    await tracker.flush();
    const check = tracker.checkBudget();
    await expect(check).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(check).rejects.toMatchObject({
      message: 'budget "Spender cap" (spender-cap) is exceeded: spent $0.0200 of $0.0100 in total',
      budget: { id: 'spender-cap', status: 'exceeded', spent_usd: 0.02, limit_usd: 0.01 },
    });
    await tracker.close();
  });

  it('holds back a sub-agent of the agent whose budget is exceeded, but not another agent', async () => {
    const tracker = createTracker({ agent: 'spender', url: daemon.url });
    await expect(tracker.child('researcher').checkBudget()).rejects.toBeInstanceOf(BudgetExceededError);
    expect(await tracker.checkBudget({ agent: 'frugal' })).toEqual({ checked: true });
    await tracker.close();
  });

  it('answers unchecked, with the reason, when the daemon cannot be asked', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const tracker = createTracker({ agent: 'spender', url });
    expect(await tracker.checkBudget()).toEqual({
      checked: false,
      reason: `unreachable: cannot reach the daemon at ${url}: fetch failed`,
    });
    await tracker.close();
  });
});
