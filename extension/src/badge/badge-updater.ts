import { budgetStatusMeta, connectionMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import { spendToday } from '../db/queries';
import { createThrottle } from '../sync/throttle';
import { badgeView, type BadgeView } from './badge-view';

/** The part of `browser.action` the badge uses (`setBadgeTextColor` is missing from older browsers). */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
  setBadgeTextColor?: ((details: { color: string }) => Promise<void>) | undefined;
}

/** Redraws the badge from the mirror. */
export interface BadgeUpdater {
  /** Redraws soon (at most every `minIntervalMs`, so a catch-up does not redraw per batch). */
  request(): void;
  /** Redraws now; settles once drawn. */
  refresh(): Promise<BadgeView>;
  stop(): void;
}

interface BadgeDeps {
  action: BadgeAction;
  db: TokentallyMirror;
  now?: () => number;
  /** The user's time zone, read at each redraw so "today" follows the computer's clock and zone. */
  timeZone: () => string;
  minIntervalMs?: number;
}

/** Creates the badge updater; redraws happen one at a time so an older state never overwrites a newer one. */
export function createBadgeUpdater({
  action,
  db,
  now = Date.now,
  timeZone,
  minIntervalMs = 200,
}: BadgeDeps): BadgeUpdater {
  let drawing: Promise<BadgeView> | undefined;

  async function draw(): Promise<BadgeView> {
    const [spendTodayUsd, budgets, connection] = await Promise.all([
      spendToday(db, now(), timeZone()),
      budgetStatusMeta.read(db),
      connectionMeta.read(db),
    ]);
    const view = badgeView({ spendTodayUsd, budgets: budgets?.status, connection });
    await Promise.all([
      action.setBadgeText({ text: view.text }),
      action.setBadgeBackgroundColor({ color: view.color }),
      action.setTitle({ title: view.title }),
      action.setBadgeTextColor?.({ color: view.textColor }),
    ]);
    return view;
  }

  const refresh = (): Promise<BadgeView> => {
    const next = (drawing ?? Promise.resolve()).catch(() => undefined).then(draw);
    drawing = next;
    return next;
  };
  const throttle = createThrottle(() => {
    refresh().catch((error: unknown) => {
      console.error('tokentally: could not draw the badge', error);
    });
  }, minIntervalMs);

  return {
    request: () => {
      throttle.request();
    },
    refresh,
    stop: () => {
      throttle.cancel();
    },
  };
}
