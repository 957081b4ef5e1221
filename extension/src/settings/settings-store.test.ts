import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SettingsResult } from './settings-schema';
import { loadSettings, saveSettings, watchSettings } from './settings-store';

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads back what it saved, keeping keys it does not know', async () => {
    await fakeBrowser.storage.local.set({ settings: { token: 'old', theme: 'dark' } });
    expect(await saveSettings(fakeBrowser.storage.local, { token: 'new', precision: 4 })).toEqual({
      ok: true,
    });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { daemon_url: 'http://127.0.0.1:4747', token: 'new', precision: 4, theme: 'dark' },
    });
  });

  it('refuses invalid settings and leaves the stored ones alone', async () => {
    await saveSettings(fakeBrowser.storage.local, { token: 'kept' });
    expect(await saveSettings(fakeBrowser.storage.local, { daemon_url: 'not a url' })).toEqual({
      ok: false,
      issues: ['daemon_url: expected an http:// or https:// URL, e.g. http://127.0.0.1:4747'],
    });
    expect((await loadSettings(fakeBrowser.storage.local)).settings.token).toBe('kept');
  });

  it('reports each change of the settings until aborted', async () => {
    const seen: SettingsResult[] = [];
    const lifetime = new AbortController();
    watchSettings(fakeBrowser.storage, (result) => seen.push(result), lifetime.signal);
    await fakeBrowser.storage.local.set({ settings: { token: 'a' } });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    lifetime.abort();
    await fakeBrowser.storage.local.set({ settings: { token: 'b' } });
    expect(seen.map((result) => result.settings.token)).toEqual(['a']);
  });
});
