import { browser } from 'wxt/browser';
import type { WorkerBrowser } from './start-worker';

// Firefox builds are MV2, where the toolbar button is `browserAction`; Firefox's returns promises although the
// Chrome-derived types say void, so each call is wrapped to settle either way.
function legacyButton(): WorkerBrowser['action'] {
  const button = browser.browserAction;
  const settle = (run: () => unknown): Promise<void> => Promise.resolve(run()).then(() => undefined);
  return {
    setBadgeText: (details) =>
      settle(() => {
        button.setBadgeText(details);
      }),
    setBadgeBackgroundColor: (details) =>
      settle(() => {
        button.setBadgeBackgroundColor(details);
      }),
    setTitle: (details) =>
      settle(() => {
        button.setTitle(details);
      }),
    openPopup: () => {
      // Firefox has browserAction.openPopup (from a user action); the types do not.
      const open: unknown = Reflect.get(button, 'openPopup');
      if (typeof open !== 'function') return Promise.reject(new Error('this browser cannot open the popup'));
      return settle((): unknown => Reflect.apply(open, button, []));
    },
  };
}

/** The toolbar button of this build: `browser.action` (MV3) or `browser.browserAction` (Firefox MV2). */
export function toolbarButton(): WorkerBrowser['action'] {
  return import.meta.env.MANIFEST_VERSION === 2 ? legacyButton() : browser.action;
}
