import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPendingCounts } from './pending-count';

const pending = { text: 'count me', page_url: 'https://example.com/', created_at: 1 };

describe('pending counts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('takes the selection the context menu left, once', async () => {
    await fakeBrowser.storage.session.set({ pending_count: pending });
    const counts = createPendingCounts(fakeBrowser.storage.session, fakeBrowser.storage);
    expect([await counts.take(), await counts.take()]).toEqual([pending, undefined]);
  });

  it('ignores something that is not a pending count', async () => {
    await fakeBrowser.storage.session.set({ pending_count: { text: 3 } });
    expect(await createPendingCounts(fakeBrowser.storage.session, fakeBrowser.storage).take()).toBe(
      undefined,
    );
  });

  it('tells when a selection is left while the popup is open, until aborted', async () => {
    let told = 0;
    const lifetime = new AbortController();
    createPendingCounts(fakeBrowser.storage.session, fakeBrowser.storage).watch(
      () => (told += 1),
      lifetime.signal,
    );
    await fakeBrowser.storage.session.set({ pending_count: pending });
    await fakeBrowser.storage.local.set({ pending_count: pending });
    lifetime.abort();
    await fakeBrowser.storage.session.set({ pending_count: { ...pending, created_at: 2 } });
    expect(told).toBe(1);
  });
});
