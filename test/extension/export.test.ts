import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPopup } from '../support/extension-pages';
import { DAY_MS, utcDate } from '../support/periods';
import { type Scenario, startScenario } from '../support/scenario';
import { postAll, spreadEvents } from '../support/usage-events';

const NOW = Date.now();
const FIRST_DAY = utcDate(NOW - 12 * DAY_MS);
const LAST_DAY = utcDate(NOW - 2 * DAY_MS);
// The daemon's range for those days, both included, in UTC (the browser's zone in these tests).
const RANGE = { from: Date.parse(FIRST_DAY), to: Date.parse(LAST_DAY) + DAY_MS };

let scenario: Scenario;
let popup: Page;

beforeAll(async () => {
  scenario = await startScenario();
  const events = spreadEvents(700, { newest: NOW - 60_000, spanMs: 20 * DAY_MS, idPrefix: 'export' });
  const results = await postAll(scenario.daemon.client, events);
  await scenario.mirrorReaches(Math.max(...results.map((result) => result.last_seq ?? 0)));
  popup = await openPopup(scenario.browser);
});

afterAll(async () => {
  await scenario.close();
});

async function exportFromPopup(format: 'CSV' | 'JSON'): Promise<{ name: string; text: string }> {
  await popup.getByLabel('First day').fill(FIRST_DAY);
  await popup.getByLabel('Last day').fill(LAST_DAY);
  await popup.getByLabel('Format').selectOption({ label: format });
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

async function daemonExport(format: 'csv' | 'json'): Promise<string> {
  const answer = await scenario.daemon.client.exportText({ format, ...RANGE });
  if (!answer.ok) throw new Error(`GET /v1/export failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

// Both exports are made at different moments; everything else must match.
const withoutGeneratedAt = (text: string): unknown =>
  JSON.parse(text, (key, value: unknown) => (key === 'generated_at' ? undefined : value));

describe('exporting from the popup', () => {
  it('downloads the same CSV as the daemon exports for the same days', async () => {
    const file = await exportFromPopup('CSV');
    const expected = await daemonExport('csv');
    expect(file.name).toMatch(/^tokentally-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.text.split('\r\n').length).toBeGreaterThan(300);
    expect(file.text).toBe(expected);
  });

  it('downloads the same JSON as the daemon exports, apart from when it was generated', async () => {
    const file = await exportFromPopup('JSON');
    expect(withoutGeneratedAt(file.text)).toEqual(withoutGeneratedAt(await daemonExport('json')));
    expect(await popup.getByTestId('export-status').textContent()).toMatch(
      /^Saved tokentally-.*\.json \(\d{3} events\)\.$/,
    );
  });
});
