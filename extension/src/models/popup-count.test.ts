import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countText } from '../count/count-text';
import { inputCost } from '../count/input-cost';
import type { PageText } from '../count/page-text';
import { createPendingCounts } from '../count/pending-count';
import type { TextCounter } from '../count/worker-counter';
import { createCountModel } from './popup-count';
import { createPopupPrefs } from './popup-prefs';

const AT = Date.parse('2025-06-01T00:00:00Z');
const inThread: TextCounter = {
  count: (text, model, onProgress) => countText(text, model, onProgress),
  warm: () => undefined,
  dispose: () => undefined,
};

function countModel(page: PageText = { ok: true, text: 'hello world', source: 'page' }, counter = inThread) {
  return createCountModel({
    counter,
    readPage: () => Promise.resolve(page),
    pending: createPendingCounts(fakeBrowser.storage.session, fakeBrowser.storage),
    prefs: createPopupPrefs(fakeBrowser.storage.local),
    inputCost,
    now: () => AT,
  });
}

describe('counting tokens in the popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('counts the page with gpt-4o and prices it as input', async () => {
    const model = countModel();
    await model.countPage();
    expect(model.store.get().status).toEqual({
      state: 'done',
      source: 'page',
      result: { model: 'gpt-4o', encoding: 'o200k_base', exact: true, tokens: 2, characters: 11 },
      cost: { usd: 0.000005, per_million: 2.5 },
    });
  });

  it('recounts the last text with a newly picked model and remembers the pick', async () => {
    const model = countModel();
    await model.countPage();
    await model.selectModel('gpt-3.5-turbo');
    expect(model.store.get().status).toMatchObject({
      state: 'done',
      result: { model: 'gpt-3.5-turbo', encoding: 'cl100k_base' },
    });
    const reopened = countModel();
    await reopened.load(new AbortController().signal);
    expect(reopened.store.get().model).toBe('gpt-3.5-turbo');
  });

  it('counts on opening a selection the context menu left', async () => {
    await fakeBrowser.storage.session.set({
      pending_count: { text: 'one two three', page_url: null, created_at: 1 },
    });
    const model = countModel();
    await model.load(new AbortController().signal);
    expect(model.store.get().status).toMatchObject({
      state: 'done',
      source: 'context-menu',
      result: { tokens: 3 },
    });
  });

  it('says why the page could not be read', async () => {
    const model = countModel({ ok: false, message: 'This page cannot be read by extensions (chrome://).' });
    await model.countPage();
    expect(model.store.get().status).toEqual({
      state: 'error',
      message: 'This page cannot be read by extensions (chrome://).',
    });
  });

  it('keeps the newest count when an older one finishes later', async () => {
    let releaseFirst = (): void => undefined;
    const slowFirst: TextCounter = {
      ...inThread,
      count: (text, model) =>
        text === 'slow'
          ? new Promise((resolve) => (releaseFirst = () => void countText(text, model).then(resolve)))
          : countText(text, model),
    };
    const model = countModel(undefined, slowFirst);
    const first = model.countText('slow', 'selection');
    await model.countText('fast and newer', 'selection');
    releaseFirst();
    await first;
    expect(model.store.get().status).toMatchObject({ state: 'done', result: { characters: 14 } });
  });
});
