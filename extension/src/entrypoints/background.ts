import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startWorker } from '../background/start-worker';
import { toolbarButton } from '../background/toolbar-button';
import { MIRROR_DB_NAME, openMirror, WRITER_OPTIONS } from '../db/mirror-db';

export default defineBackground(() => {
  startWorker({
    browser: {
      storage: browser.storage,
      action: toolbarButton(),
      notifications: browser.notifications,
      alarms: browser.alarms,
      runtime: browser.runtime,
      contextMenus: browser.contextMenus,
    },
    db: openMirror(MIRROR_DB_NAME, WRITER_OPTIONS),
    fetch: (url, init) => fetch(url, init),
    WebSocket,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
  });
});
