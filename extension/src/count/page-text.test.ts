import { describe, expect, it } from 'vitest';
import { readTabText, type ScriptingLike, targetTabId, type TabsLike } from './page-text';

const answering = (result: unknown): ScriptingLike => ({
  executeScript: () => Promise.resolve([{ result }]),
});
const activeTab = (id: number | undefined): TabsLike => ({
  query: () => Promise.resolve(id === undefined ? [] : [{ id }]),
});

describe('readTabText', () => {
  it('gives what the page script read, and where from', async () => {
    expect(await readTabText(answering({ text: 'picked words', source: 'selection' }), 7)).toEqual({
      ok: true,
      text: 'picked words',
      source: 'selection',
    });
  });

  it('says so when the browser keeps extensions out of the page', async () => {
    const refusing: ScriptingLike = {
      executeScript: () => Promise.reject(new Error('Cannot access a chrome:// URL')),
    };
    expect(await readTabText(refusing, 7)).toEqual({
      ok: false,
      message: 'This page cannot be read by extensions (Cannot access a chrome:// URL).',
    });
  });

  it('says so when the page gave nothing to count', async () => {
    expect(await readTabText(answering(undefined), 7)).toEqual({
      ok: false,
      message: 'This page has no text to count.',
    });
  });
});

describe('targetTabId', () => {
  it('takes the tab named in the popup’s address', async () => {
    expect(await targetTabId(activeTab(3), '?tab=42')).toBe(42);
  });

  it('takes the active tab of the popup’s window otherwise', async () => {
    expect(await targetTabId(activeTab(3), '')).toBe(3);
  });

  it('finds no tab in a window without one', async () => {
    expect(await targetTabId(activeTab(undefined), '?tab=nope')).toBe(undefined);
  });
});
