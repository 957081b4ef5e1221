import './chrome-api';
import type { ExtensionBrowser } from './extension-browser';

/** What the toolbar button shows: the badge text, its colour as `#RRGGBB`, and the tooltip. */
export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

const hex = (rgba: readonly number[]): string =>
  `#${rgba
    .slice(0, 3)
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

/** Reads the badge through `chrome.action` in the extension's service worker (the one running now). */
export async function readBadge(browser: ExtensionBrowser): Promise<BadgeState> {
  const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
  const raw = await worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
  return { text: raw.text, color: hex(raw.color), title: raw.title };
}
