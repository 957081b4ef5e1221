import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupPrefs } from './popup-prefs';

describe('popup preferences', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('remember the model last picked for counting', async () => {
    await createPopupPrefs(fakeBrowser.storage.local).saveCountModel('o3');
    expect(await createPopupPrefs(fakeBrowser.storage.local).countModel()).toBe('o3');
  });

  it('read unreadable preferences as none', async () => {
    await fakeBrowser.storage.local.set({ popup_prefs: 'garbage' });
    expect(await createPopupPrefs(fakeBrowser.storage.local).countModel()).toBe(undefined);
  });
});
