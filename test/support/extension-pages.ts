import './chrome-api';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** The popup's size in Chromium's toolbar bubble, so screenshots look like the real thing. */
export const POPUP_VIEWPORT = { width: 380, height: 600 } as const;

/**
 * Configures the extension as a user does: opens its options page, types the daemon URL and token, clicks Save
 * and waits for "Saved.". Returns the options page, still open.
 */
export async function configureThroughOptions(
  browser: ExtensionBrowser,
  daemon: { url: string; token: string },
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.url('options.html'));
  await page.getByLabel('Daemon URL').fill(daemon.url);
  await page.getByLabel('Token', { exact: true }).fill(daemon.token);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('settings-saved').getByText('Saved.').waitFor();
  return page;
}

/** What to open the popup on. */
export interface PopupOptions {
  /** The tab "Count tokens on this page" reads (the popup page in a tab of its own would read itself). */
  tabId?: number;
  colorScheme?: 'light' | 'dark';
}

/** Opens the popup page in a tab of its own, sized like the popup, once its figures are painted. */
export async function openPopup(
  browser: ExtensionBrowser,
  { tabId, colorScheme = 'light' }: PopupOptions = {},
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.emulateMedia({ colorScheme });
  await page.goto(browser.url(`popup.html${tabId === undefined ? '' : `?tab=${String(tabId)}`}`));
  await page.locator('[data-testid="popup"][data-state="ready"]').waitFor();
  return page;
}

/** The id of the tab showing `url` (Playwright pages do not expose Chrome's tab ids). */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}
