import { type BudgetsModel, createBudgetsModel } from './options-budgets';
import type { OptionsDeps } from './options-deps';
import { createMirrorModel, type MirrorModel } from './options-mirror';
import { createPricesModel, type PricesModel } from './options-prices';
import { createSettingsModel, type SettingsModel } from './options-settings';

/** The options page's state and actions, by section. */
export interface OptionsModel {
  settings: SettingsModel;
  budgets: BudgetsModel;
  prices: PricesModel;
  mirror: MirrorModel;
  /** Loads the settings, then the budgets and overrides from the daemon they name. */
  start(): Promise<void>;
  /** Saves the settings and, when they were valid, reloads budgets and overrides from the daemon now named. */
  saveSettings(): Promise<void>;
}

/** Creates the options page's model from its dependencies. */
export function createOptionsModel(deps: OptionsDeps): OptionsModel {
  const settings = createSettingsModel(deps);
  const budgets = createBudgetsModel(deps, settings.saved);
  const prices = createPricesModel(deps, settings.saved);
  const mirror = createMirrorModel(deps);
  const reloadDaemonData = async (): Promise<void> => {
    await Promise.all([budgets.reload(), prices.reload()]);
  };
  return {
    settings,
    budgets,
    prices,
    mirror,
    async start() {
      await settings.load();
      await reloadDaemonData();
    },
    async saveSettings() {
      if (await settings.save()) await reloadDaemonData();
    },
  };
}
