import type { FetchLike, WebSocketConstructorLike } from '@tokentally/shared/client/transport';
import { type BadgeAction, createBadgeUpdater } from '../badge/badge-updater';
import { createBudgetNotifier, type NotificationsLike } from '../badge/budget-notifier';
import { budgetStatusMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import { localTimeZone } from '../db/ranges';
import {
  loadSettings,
  type StorageAreaLike,
  type StorageChangeSource,
  watchSettings,
} from '../settings/settings-store';
import { createDaemonLink, type DaemonLink, type DaemonLinkOptions } from '../sync/daemon-link';
import { type ContextMenusLike, registerCountMenu } from './count-menu';
import { workerMessageSchema, type WorkerReply } from './worker-messages';

/** The alarm that wakes a stopped MV3 worker to reconnect and redraw (30 s is the shortest period allowed). */
export const WAKE_ALARM = 'tokentally-wake';

/** The browser APIs the worker uses (the real `browser`, or WXT's fakeBrowser in tests). */
export interface WorkerBrowser {
  storage: StorageChangeSource & { local: StorageAreaLike; session: Pick<StorageAreaLike, 'set'> };
  action: BadgeAction & { openPopup(): Promise<void> };
  notifications: NotificationsLike;
  alarms: {
    create(name: string, info: { periodInMinutes: number }): Promise<void>;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  runtime: {
    onMessage: {
      addListener(
        listener: (
          message: unknown,
          sender: unknown,
          reply: (answer: WorkerReply) => void,
        ) => true | undefined,
      ): void;
    };
  };
  /** Absent where the browser has no context menus (or a test leaves them out). */
  contextMenus?: ContextMenusLike | undefined;
}

/** What the worker runs on. */
export interface WorkerDeps extends Pick<
  DaemonLinkOptions,
  'batch' | 'backoff' | 'keepAliveMs' | 'budgetRefreshMs'
> {
  browser: WorkerBrowser;
  db: TokentallyMirror;
  fetch: FetchLike;
  WebSocket: WebSocketConstructorLike;
  iconUrl: string;
  now?: () => number;
  timeZone?: () => string;
}

/** A running worker. */
export interface Worker {
  link: DaemonLink;
  /** Settles once the stored settings were read and the first connection started. */
  ready: Promise<void>;
  /** Settles once received events are written, budget alerts checked and the badge redrawn (tests wait on it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the background worker: listeners first (an MV3 worker woken by an event must register them in its first
 * turn), then the badge from what the mirror knows, then the link to the daemon with the stored settings.
 */
export function startWorker(deps: WorkerDeps): Worker {
  const { browser, db, now = Date.now, timeZone = localTimeZone } = deps;
  const lifetime = new AbortController();
  const badge = createBadgeUpdater({ action: browser.action, db, now, timeZone });
  const notifier = createBudgetNotifier({ db, notifications: browser.notifications, iconUrl: deps.iconUrl });
  let budgetCheck: Promise<unknown> = Promise.resolve();
  const onBudget = async (): Promise<void> => {
    const stored = await budgetStatusMeta.read(db);
    if (stored !== undefined) await notifier.check(stored.status);
  };
  const link = createDaemonLink({
    ...deps,
    now,
    onChange: (change) => {
      badge.request();
      if (change === 'budget')
        budgetCheck = onBudget().catch((error: unknown) => {
          console.error(error);
        });
    },
  });

  watchSettings(
    browser.storage,
    (settings) => {
      link.configure(settings);
    },
    lifetime.signal,
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== WAKE_ALARM) return;
    link.wake();
    badge.request();
  });
  browser.runtime.onMessage.addListener((message, _sender, reply) => {
    if (!workerMessageSchema.safeParse(message).success) return undefined;
    link.resync().then(
      () => {
        reply({ ok: true });
      },
      (error: unknown) => {
        reply({ ok: false, error: String(error) });
      },
    );
    return true;
  });
  if (browser.contextMenus !== undefined) {
    registerCountMenu({
      contextMenus: browser.contextMenus,
      session: browser.storage.session,
      openPopup: () => browser.action.openPopup(),
      now,
    });
  }
  void browser.alarms.create(WAKE_ALARM, { periodInMinutes: 0.5 });
  badge.request();

  const ready = loadSettings(browser.storage.local).then((settings) => {
    link.configure(settings);
  });
  return {
    link,
    ready,
    async idle() {
      await link.idle();
      await budgetCheck;
      await badge.refresh();
    },
    async stop() {
      lifetime.abort();
      badge.stop();
      await link.stop();
    },
  };
}
