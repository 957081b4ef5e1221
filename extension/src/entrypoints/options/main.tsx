import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { RESYNC_MESSAGE, type WorkerReply } from '../../background/worker-messages';
import { createOptionsModel } from '../../models/options-model';
import { OptionsApp } from './options-app';
import './style.css';

const model = createOptionsModel({
  storage: browser.storage.local,
  clientFor: ({ daemon_url, token }) =>
    createDaemonClient({ baseUrl: daemon_url, token, fetch: (url, init) => fetch(url, init) }),
  resyncMirror: async (): Promise<WorkerReply> => {
    const reply: unknown = await browser.runtime.sendMessage(RESYNC_MESSAGE);
    return typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === true
      ? { ok: true }
      : { ok: false, error: 'the background worker did not answer' };
  },
});

const root = document.getElementById('app');
if (root === null) throw new Error('options page: #app is missing from index.html');
render(<OptionsApp model={model} />, root);
void model.start();
