import '../support/chrome-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeCost } from '@tokentally/shared/cost';
import { resolvePrice } from '@tokentally/shared/pricing/price-resolver';
import { emptyTokenUsage } from '@tokentally/shared/schema/token-usage';
import { loadEncoding } from '@tokentally/shared/tokens/load-encoding';
import { openPopup, tabIdOf } from '../support/extension-pages';
import { type FixtureServer, serveFixtures } from '../support/fixture-server';
import { type Scenario, startScenario } from '../support/scenario';

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>Fixture</title>
<style>.gone { display: none }</style><script>window.answer = 42;</script></head>
<body><h1>Token counting, by example</h1>
<p id="first">Large language models read text as tokens: pieces of words, whole words, punctuation and spaces.</p>
<p>Unicode counts too — naïve café, 東京の天気は晴れ, emoji 🎉🚀, and code like <code>const x = a?.b ?? 0;</code></p>
<ul><li>one</li><li>two</li><li>three</li></ul>
<p class="gone">This paragraph is hidden and is not visible text.</p>
<pre>    indented   text
\tand a tab</pre>
</body></html>`;

// About a megabyte of varied lines in a <pre>, whose visible text is exactly this: counted in parts, with progress.
const LONG_TEXT = Array.from(
  { length: 12_000 },
  (_, line) =>
    `${String(line)}: Tokens ${'é'.repeat(line % 3)} cost money; ${['def f(x):', '東京', '🚀 launch', '  indented'][line % 4] ?? ''} ${'word '.repeat(line % 17)}`,
).join('\n');

let scenario: Scenario;
let fixtures: FixtureServer;
let article: Page;
let popup: Page;

beforeAll(async () => {
  scenario = await startScenario();
  fixtures = await serveFixtures({
    '/article.html': ARTICLE,
    '/long.html': `<!doctype html><meta charset="utf-8"><pre>${LONG_TEXT}</pre>`,
  });
  article = await scenario.browser.context.newPage();
  await article.goto(`${fixtures.origin}/article.html`);
  popup = await openPopup(scenario.browser, { tabId: await tabIdOf(scenario.browser, article.url()) });
});

afterAll(async () => {
  await scenario.close();
  await fixtures.close();
});

async function countShown(): Promise<Record<string, string | null>> {
  const result = popup.getByTestId('count-result');
  await result.waitFor();
  return result.evaluate((element) => ({
    tokens: element.getAttribute('data-tokens'),
    characters: element.getAttribute('data-characters'),
    encoding: element.getAttribute('data-encoding'),
    exact: element.getAttribute('data-exact'),
    cost: element.getAttribute('data-cost-usd'),
  }));
}

function inputCostOf(model: string, tokens: number): string {
  return String(
    computeCost({ ...emptyTokenUsage(), input_tokens: tokens }, resolvePrice(model, { at: Date.now() }))
      .cost_usd,
  );
}

describe('counting tokens on a page', () => {
  it('counts the visible text as shared’s o200k_base does, with its gpt-4o input cost', async () => {
    const text = await article.evaluate(() => document.body.innerText);
    const tokens = (await loadEncoding('o200k_base')).count(text);
    await popup.getByRole('button', { name: 'Count tokens on this page' }).click();
    expect(await countShown()).toEqual({
      tokens: String(tokens),
      characters: String(Array.from(text).length),
      encoding: 'o200k_base',
      exact: 'true',
      cost: inputCostOf('gpt-4o', tokens),
    });
  });

  it('counts the selection when there is one', async () => {
    const selected = await article.evaluate(() => {
      const range = document.createRange();
      const first = document.getElementById('first');
      if (first !== null) range.selectNodeContents(first);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return getSelection()?.toString() ?? '';
    });
    const tokens = (await loadEncoding('o200k_base')).count(selected);
    await popup.getByRole('button', { name: 'Count tokens on this page' }).click();
    await expect.poll(async () => (await countShown()).tokens).toBe(String(tokens));
    expect(tokens).toBe(19);
  });

  it('recounts with cl100k_base when gpt-4 is picked', async () => {
    const selected = await article.evaluate(() => getSelection()?.toString() ?? '');
    const tokens = (await loadEncoding('cl100k_base')).count(selected);
    await popup.getByRole('combobox', { name: 'Model' }).selectOption('gpt-4');
    await expect.poll(async () => (await countShown()).encoding).toBe('cl100k_base');
    expect(await countShown()).toMatchObject({
      tokens: String(tokens),
      exact: 'true',
      cost: inputCostOf('gpt-4', tokens),
    });
  });

  it('counts a long page in a worker, showing progress, to the same total as counting it whole', async () => {
    const long = await scenario.browser.context.newPage();
    await long.goto(`${fixtures.origin}/long.html`);
    const text = await long.evaluate(() => document.body.innerText);
    const longPopup = await openPopup(scenario.browser, {
      tabId: await tabIdOf(scenario.browser, long.url()),
    });
    await longPopup.evaluate(() => {
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="count-progress"]') !== null)
          document.body.dataset.sawProgress = 'yes';
      }).observe(document.body, { subtree: true, childList: true });
    });
    await longPopup.getByRole('combobox', { name: 'Model' }).selectOption('gpt-4o');
    await longPopup.getByRole('button', { name: 'Count tokens on this page' }).click();
    const result = longPopup.getByTestId('count-result');
    await result.waitFor({ timeout: 30_000 });
    expect(text.length).toBeGreaterThan(900_000);
    expect(await result.getAttribute('data-tokens')).toBe(
      String((await loadEncoding('o200k_base')).count(text)),
    );
    expect(await longPopup.evaluate(() => document.body.dataset.sawProgress)).toBe('yes');
    await Promise.all([longPopup.close(), long.close()]);
  });

  it('counts the selection the context menu left when it opens, once', async () => {
    const text = 'Selected with the right mouse button: count me, please.';
    // An open popup takes a pending selection as soon as it is left; this one must be the only popup open.
    await popup.close();
    await scenario.browser.worker.evaluate(
      (pending) => chrome.storage.session.set({ pending_count: pending }),
      { text, page_url: `${fixtures.origin}/article.html`, created_at: Date.now() },
    );
    const menuPopup = await openPopup(scenario.browser);
    const result = menuPopup.getByTestId('count-result');
    await result.waitFor();
    expect(await result.getAttribute('data-tokens')).toBe(
      String((await loadEncoding('o200k_base')).count(text)),
    );
    expect(await result.textContent()).toContain('the selected text');
    expect(await scenario.browser.worker.evaluate(() => chrome.storage.session.get('pending_count'))).toEqual(
      {},
    );
  });
});
