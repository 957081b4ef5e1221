import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countText } from '../count/count-text';
import type { TextCounter } from '../count/worker-counter';
import { mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { POPUP_NOW, popupTestEvents } from './popup-fixtures';
import { createPopupModel } from './popup-model';
import { testPopupCache } from './popup-test-cache';

const events = popupTestEvents(5);

async function startedPopup() {
  const db = testMirror();
  await mirrorEvents(db, events.slice(0, 50));
  const ticks: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const warmed: string[] = [];
  const counter: TextCounter = {
    count: (text, model) => countText(text, model),
    warm: (model) => void warmed.push(model),
    dispose: () => undefined,
  };
  const model = createPopupModel({
    db,
    cache: testPopupCache(),
    storage: fakeBrowser.storage,
    clock: {
      now: () => POPUP_NOW,
      timeZone: () => 'UTC',
      every: (_ms, tick) => {
        ticks.push(tick);
        return () => ticks.splice(ticks.indexOf(tick), 1);
      },
      whenIdle: (task) => void idle.push(task),
    },
    counter,
    readPage: () => Promise.resolve({ ok: true, text: 'page text', source: 'page' }),
    download: () => undefined,
  });
  const lifetime = new AbortController();
  await model.start(lifetime.signal);
  return { db, model, ticks, idle, warmed, lifetime };
}

const allRequests = (model: Awaited<ReturnType<typeof startedPopup>>['model']) =>
  model.data.store.get().overview?.totals.find((period) => period.period === 'all')?.metrics.requests;

describe('the popup model', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the mirror, then loads gpt-4o’s encoding for a first count once the page is idle', async () => {
    const { model, idle, warmed } = await startedPopup();
    expect([model.data.store.get().phase, allRequests(model), warmed]).toEqual(['ready', 50, []]);
    for (const task of idle) task();
    expect(warmed).toEqual(['gpt-4o']);
  });

  it('loads no encoding once it is closed before the page went idle', async () => {
    const { idle, warmed, lifetime } = await startedPopup();
    lifetime.abort();
    for (const task of idle) task();
    expect(warmed).toEqual([]);
  });

  it('follows the mirror on each tick until it is closed', async () => {
    const { db, model, ticks, lifetime } = await startedPopup();
    await mirrorEvents(db, events.slice(50));
    for (const tick of ticks) tick();
    await expect.poll(() => allRequests(model)).toBe(events.length);
    lifetime.abort();
    expect(ticks).toEqual([]);
  });

  it('shows the precision saved in the options as soon as it changes', async () => {
    const { model } = await startedPopup();
    await fakeBrowser.storage.local.set({ settings: { token: 't', precision: 4 } });
    await expect.poll(() => model.data.store.get().precision).toBe(4);
  });
});
