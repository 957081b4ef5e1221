import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeFetch } from '@tokentally/shared/client/fake-fetch';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { fakeBudgetEntry, fakeBudgetStatus } from '../badge/budget-fixtures';
import { budgetStatusMeta } from '../db/meta';
import { testMirror } from '../db/test-mirror';
import { fakeWebSockets } from '../sync/fake-web-socket';
import { type MenuClick } from './count-menu';
import { startWorker, WAKE_ALARM } from './start-worker';

const NOW = Date.parse('2025-03-01T15:00:00Z');

function fakeMenus() {
  const listeners: ((info: MenuClick) => void)[] = [];
  const created: unknown[] = [];
  return {
    created,
    click: (info: MenuClick) => {
      listeners.forEach((listener) => {
        listener(info);
      });
    },
    contextMenus: {
      create: (properties: unknown) => created.push(properties),
      removeAll: () => Promise.resolve(),
      onClicked: { addListener: (listener: (info: MenuClick) => void) => listeners.push(listener) },
    },
  };
}

function launch(
  db = testMirror(),
  answer: Parameters<typeof fakeFetch>[0] = () => ({ status: 200, json: fakeBudgetStatus() }),
) {
  const { WebSocket, sockets } = fakeWebSockets();
  const menus = fakeMenus();
  const popups: number[] = [];
  const action = { ...fakeBrowser.action, openPopup: () => Promise.resolve(void popups.push(NOW)) };
  const worker = startWorker({
    browser: { ...fakeBrowser, action, contextMenus: menus.contextMenus },
    db,
    fetch: fakeFetch(answer).fetch,
    WebSocket,
    iconUrl: 'icon.png',
    now: () => NOW,
    timeZone: () => 'UTC',
    batch: { windowMs: 5, maxEvents: 500 },
    backoff: { initialMs: 10, maxMs: 40 },
  });
  return { worker, sockets, menus, popups, db };
}

describe('background worker', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      settings: { daemon_url: 'http://127.0.0.1:4747', token: 'secret' },
    });
  });

  it('draws the badge from events and budget statuses as they stream in', async () => {
    let daemonStatus = fakeBudgetStatus(fakeBudgetEntry(1));
    const { sockets } = launch(testMirror(), () => ({ status: 200, json: daemonStatus }));
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    sockets[0]?.open();
    sockets[0]?.receive({
      type: 'event',
      event: fakeStoredEvent({ seq: 1, ts: '2025-03-01T14:59:00Z', cost_usd: 2.5 }),
    });
    daemonStatus = fakeBudgetStatus(fakeBudgetEntry(12));
    sockets[0]?.receive({ type: 'budget', status: daemonStatus });
    await vi.waitFor(async () => {
      expect([
        await fakeBrowser.action.getBadgeText({}),
        await fakeBrowser.action.getBadgeBackgroundColor({}),
      ]).toEqual(['$2.5', [220, 38, 38, 255]]);
    });
  });

  it('reconnects to the daemon named when the settings in storage change', async () => {
    const { sockets } = launch();
    await vi.waitFor(() => {
      expect(sockets).toHaveLength(1);
    });
    await fakeBrowser.storage.local.set({ settings: { daemon_url: 'http://localhost:6000', token: 'new' } });
    await vi.waitFor(() => {
      expect(sockets[1]?.url).toBe('ws://localhost:6000/v1/stream?after=0&token=new');
    });
  });

  it('says in the tooltip that the daemon is offline when it cannot be reached', async () => {
    launch(testMirror(), () => ({ throws: new TypeError('fetch failed') }));
    await vi.waitFor(async () => {
      expect(await fakeBrowser.action.getTitle({})).toBe(
        'Tokentally — daemon offline (http://127.0.0.1:4747)\n$0.00 today',
      );
    });
  });

  it('notifies an exceeded budget once, even after the worker restarts', async () => {
    const name = `worker-restart-${String(Date.now())}`;
    const first = launch(testMirror(name), () => ({
      status: 200,
      json: fakeBudgetStatus(fakeBudgetEntry(12)),
    }));
    await vi.waitFor(() => {
      expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1);
    });
    await first.worker.stop();
    first.db.close();
    await fakeBrowser.notifications.clear('budget:daily:2025-03-01T00:00:00Z:exceeded');
    const second = launch(testMirror(name), () => ({
      status: 200,
      json: fakeBudgetStatus(fakeBudgetEntry(13)),
    }));
    await vi.waitFor(() => {
      expect(second.sockets).toHaveLength(1);
    });
    second.sockets[0]?.receive({ type: 'budget', status: fakeBudgetStatus(fakeBudgetEntry(14)) });
    await vi.waitFor(async () => {
      expect((await budgetStatusMeta.read(second.db))?.status.budgets[0]?.spent_usd).toBe(14);
    });
    await second.worker.idle();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('wakes every 30 seconds to reconnect and redraw', async () => {
    launch();
    await vi.waitFor(async () => {
      expect((await fakeBrowser.alarms.get(WAKE_ALARM))?.periodInMinutes).toBe(0.5);
    });
  });

  it('leaves the selected text for the popup and opens it when "Count tokens in selection" is clicked', async () => {
    const { menus, popups } = launch();
    menus.click({
      menuItemId: 'tokentally-count-selection',
      selectionText: 'hello world',
      pageUrl: 'https://a.example/',
    });
    await vi.waitFor(() => {
      expect(popups).toHaveLength(1);
    });
    expect(await fakeBrowser.storage.session.get('pending_count')).toEqual({
      pending_count: { text: 'hello world', page_url: 'https://a.example/', created_at: NOW },
    });
    expect(menus.created).toEqual([
      { id: 'tokentally-count-selection', title: 'Count tokens in selection', contexts: ['selection'] },
    ]);
  });
});
