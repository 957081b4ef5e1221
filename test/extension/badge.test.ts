import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBadge } from '../support/badge';
import { openPopup } from '../support/extension-pages';
import { type Scenario, startScenario } from '../support/scenario';
import { waitFor } from '../support/wait-for';

let scenario: Scenario;
let sent = 0;

beforeAll(async () => {
  scenario = await startScenario();
  const budget = await scenario.daemon.client.putBudget('daily', {
    name: 'Daily',
    period: 'day',
    limit_usd: 1,
    warn_at: 0.9,
  });
  expect(budget.ok).toBe(true);
});

afterAll(async () => {
  await scenario.close();
});

// Spends `usd` now (a reported cost, so prices do not matter) and waits for the badge to show `wanted`.
async function spend(usd: number, wanted: { text: string; color: string }) {
  sent += 1;
  const answer = await scenario.daemon.client.postEvents({
    id: `spend-${String(sent)}`,
    model: 'gpt-4o',
    cost_usd: usd,
  });
  expect(answer.ok).toBe(true);
  return waitFor(
    () => readBadge(scenario.browser),
    (badge) => badge.color === wanted.color && badge.text === wanted.text,
    { timeoutMs: 15_000, what: `the badge to show ${JSON.stringify(wanted)}` },
  );
}

describe('the badge', () => {
  it('shows today’s spend in green while the budget is fine', async () => {
    expect(await spend(0.5, { text: '$.50', color: '#16A34A' })).toMatchObject({
      text: '$.50',
      color: '#16A34A',
    });
  });

  it('turns amber once spend reaches 90% of the budget', async () => {
    const badge = await spend(0.4, { text: '$.90', color: '#F59E0B' });
    expect(badge).toMatchObject({ text: '$.90', color: '#F59E0B' });
    expect(badge.title).toContain('Budget "Daily": 90% used (warning)');
  });

  it('turns red once the budget is exceeded', async () => {
    expect(await spend(0.2, { text: '$1.1', color: '#DC2626' })).toMatchObject({
      text: '$1.1',
      color: '#DC2626',
    });
  });

  it('shows the exceeded budget in the popup', async () => {
    const popup = await openPopup(scenario.browser);
    const bar = popup.locator('[data-testid="budget"][data-budget-id="daily"]');
    await expect.poll(() => bar.getAttribute('data-status')).toBe('exceeded');
    expect(await bar.getByRole('meter').getAttribute('aria-valuenow')).toBe('110');
  });
});
