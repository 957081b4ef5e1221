import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { EXTENSION_DIR } from './repo-paths';

/** Debian's Chromium, as installed by `scripts/ensure-setup.mjs --for-tests`. */
export const CHROMIUM = '/usr/bin/chromium';

/** A headless Chromium with the built extension loaded. */
export interface ExtensionBrowser {
  readonly context: BrowserContext;
  /** The extension's background service worker. */
  readonly worker: Worker;
  readonly extensionId: string;
  /** `chrome-extension://ID/<path>`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** How to launch: by default with a fresh profile in a temporary folder. */
export interface LaunchOptions {
  /** A profile folder to use (and keep), e.g. one whose mirror a benchmark seeded before. */
  profileDir?: string;
}

/** Launches Chromium with the extension from `extension/.output/chrome-mv3`. */
export async function launchExtension({ profileDir }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `${EXTENSION_DIR} is missing: run \`pnpm build\` (or \`cd extension && npx wxt build\`) first`,
    );
  }
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'tokentally-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    env: { ...process.env, TZ: 'UTC' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      if (profileDir === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}
