import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../support/artifacts';
import { openPopup } from '../support/extension-pages';
import { type Scenario, startScenario } from '../support/scenario';
import { postAll, spreadEvents } from '../support/usage-events';
import { DAY_MS, utcPeriods } from '../support/periods';

const NOW = Date.now();
let scenario: Scenario;
let popup: Page;

beforeAll(async () => {
  scenario = await startScenario();
  const events = spreadEvents(900, { newest: NOW - 60_000, spanMs: 45 * DAY_MS, idPrefix: 'popup' });
  const results = await postAll(scenario.daemon.client, events);
  // Budgets make the screenshots show their bars; they change no total.
  await scenario.daemon.client.putBudget('monthly', { name: 'Monthly', period: 'month', limit_usd: 25 });
  await scenario.daemon.client.putBudget('daily', {
    name: 'Daily',
    period: 'day',
    limit_usd: 0.06,
    warn_at: 0.8,
  });
  await scenario.mirrorReaches(Math.max(...results.map((result) => result.last_seq ?? 0)));
  popup = await openPopup(scenario.browser);
  // The options page as a user finds it on coming back: configured, with the daemon's budgets listed.
  await scenario.options.reload();
  await scenario.options.getByText('Monthly').first().waitFor();
  await scenario.options.screenshot({ path: artifactPath('options.png'), fullPage: true });
});

afterAll(async () => {
  await scenario.close();
});

async function cell(period: string, metric: string): Promise<number> {
  return Number(
    await popup.locator(`[data-period="${period}"][data-metric="${metric}"]`).getAttribute('data-value'),
  );
}

describe('the popup', () => {
  it('shows the daemon as online', async () => {
    await expect.poll(() => popup.getByTestId('connection').getAttribute('data-level')).toBe('online');
  });

  it.each(['today', '7d', '30d', 'all'] as const)(
    'shows the same %s totals as GET /v1/summary',
    async (period) => {
      const range = utcPeriods(NOW)[period];
      const summary = await scenario.daemon.client.summary(range);
      expect(summary.ok).toBe(true);
      const totals = summary.ok ? summary.value.totals : undefined;
      expect({
        cost_usd: await cell(period, 'cost_usd'),
        total_tokens: await cell(period, 'total_tokens'),
        requests: await cell(period, 'requests'),
      }).toEqual({
        cost_usd: totals?.cost_usd,
        total_tokens: totals?.total_tokens,
        requests: totals?.requests,
      });
    },
  );

  it.each(['model', 'provider', 'agent', 'project'] as const)(
    'breaks the last 30 days down by %s with the daemon’s shares',
    async (dimension) => {
      await popup.getByRole('tab', { name: dimension, exact: false }).click();
      await popup.locator(`[data-testid="breakdown"][data-dimension="${dimension}"]`).waitFor();
      const rows = await popup.getByTestId('breakdown-row').evaluateAll((elements) =>
        elements.map((element) => ({
          key: element.getAttribute('data-key'),
          cost_usd: Number(element.getAttribute('data-cost-usd')),
          share_of_cost: Number(element.getAttribute('data-share')),
        })),
      );
      const summary = await scenario.daemon.client.summary({
        ...utcPeriods(NOW)['30d'],
        group_by: dimension,
      });
      const groups = summary.ok ? summary.value.groups : [];
      expect(rows).toEqual(
        groups.map(({ key, cost_usd, share_of_cost }) => ({ key, cost_usd, share_of_cost })),
      );
    },
  );

  it('moves between breakdown tabs with the arrow keys', async () => {
    await popup.getByRole('tab', { name: 'Model' }).click();
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    const focused = await popup.evaluate(() => document.activeElement?.textContent);
    expect([focused, await popup.getByRole('tab', { selected: true }).textContent()]).toEqual([
      'Agent',
      'Agent',
    ]);
    await popup.keyboard.press('End');
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toBe('Project');
  });

  it('saves light and dark screenshots', async () => {
    await popup.getByRole('tab', { name: 'Model' }).click();
    await popup.getByTestId('budget').first().waitFor();
    await popup.screenshot({ path: artifactPath('popup.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await popup.screenshot({ path: artifactPath('popup-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(background).toBe('rgb(17, 24, 39)');
  });

  it('keeps showing the mirrored totals once the daemon is offline', async () => {
    const before = await cell('all', 'requests');
    await scenario.daemon.stop();
    await popup.reload();
    await expect
      .poll(() => popup.getByTestId('connection').getAttribute('data-level'), { timeout: 15_000 })
      .toBe('offline');
    expect(await cell('all', 'requests')).toBe(before);
    expect(before).toBe(900);
  });
});
