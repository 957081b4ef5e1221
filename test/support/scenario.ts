import type { Page } from 'playwright-core';
import { type DaemonProcess, startDaemonProcess } from './daemon-process';
import { type ExtensionBrowser, launchExtension } from './extension-browser';
import { configureThroughOptions } from './extension-pages';
import { readMirror } from './mirror-reader';
import { waitFor } from './wait-for';

/** A real daemon and Chromium with the extension configured for it through its options page. */
export interface Scenario {
  daemon: DaemonProcess;
  browser: ExtensionBrowser;
  /** The options page the extension was configured with; a page of the extension's origin, kept open. */
  options: Page;
  /** Waits until the mirror's last seq reaches `seq` (what the daemon's last ingest answered). */
  mirrorReaches(seq: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a daemon, launches Chromium with the extension, and configures the extension for the daemon. */
export async function startScenario(): Promise<Scenario> {
  const daemon = await startDaemonProcess();
  const browser = await launchExtension();
  const options = await configureThroughOptions(browser, daemon);
  return {
    daemon,
    browser,
    options,
    async mirrorReaches(seq, timeoutMs = 30_000) {
      await waitFor(
        () => readMirror(options),
        (mirror) => (mirror.lastSeq ?? 0) >= seq,
        { timeoutMs, what: `the mirror to reach seq ${String(seq)}` },
      );
    },
    async close() {
      await browser.close();
      await daemon.stop();
    },
  };
}
