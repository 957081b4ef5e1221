import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/popup-app';
import { readTabText, targetTabId } from '../../count/page-text';
import { createWorkerCounter } from '../../count/worker-counter';
import { openMirror } from '../../db/mirror-db';
import { localTimeZone } from '../../db/ranges';
import { downloadBlob } from '../../export/download-file';
import { openPopupCache } from '../../models/popup-cache';
import { createPopupModel } from '../../models/popup-model';
import './style.css';
import './sections.css';

const counter = createWorkerCounter(
  () => new Worker(new URL('../../count/count.worker.ts', import.meta.url), { type: 'module' }),
);

const model = createPopupModel({
  db: openMirror(),
  cache: openPopupCache(),
  storage: browser.storage,
  clock: {
    now: () => Date.now(),
    timeZone: localTimeZone,
    every(ms, tick) {
      const timer = setInterval(tick, ms);
      return () => {
        clearInterval(timer);
      };
    },
    whenIdle(task) {
      // An idle callback alone can run while the popup waits for IndexedDB, before the figures are painted.
      setTimeout(() => requestIdleCallback(task, { timeout: 2000 }), 300);
    },
  },
  counter,
  async readPage() {
    const tabId = await targetTabId(browser.tabs, location.search);
    if (tabId === undefined) return { ok: false, message: 'There is no page to count in this window.' };
    return readTabText(browser.scripting, tabId);
  },
  download: (name, blob) => {
    downloadBlob(document, URL, name, blob);
  },
});

let painted = false;
const onPainted = (): void => {
  if (painted) return;
  painted = true;
  // The moment the mirror's figures are on screen, for the popup-ready benchmark.
  performance.mark('tokentally:data-painted');
};

// Reading the mirror starts first, so IndexedDB works while the first frame renders.
void model.start(new AbortController().signal);
const root = document.getElementById('app');
if (root === null) throw new Error('popup.html has no #app element');
render(
  <PopupApp
    model={model}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
    onPainted={onPainted}
  />,
  root,
);
