import { z } from 'zod';

/** The popup's own preferences in `browser.storage.local` (apart from `settings`, which the worker watches). */
export const POPUP_PREFS_KEY = 'popup_prefs';

const popupPrefsSchema = z.object({ count_model: z.string().min(1).max(200).optional() });

/** The part of `browser.storage.local` the preferences use. */
export interface PrefsArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What the popup remembers between openings. */
export interface PopupPrefs {
  /** The model last picked for counting, if any. */
  countModel(): Promise<string | undefined>;
  saveCountModel(model: string): Promise<void>;
}

/** Preferences kept in a storage area; unreadable ones count as none. */
export function createPopupPrefs(area: PrefsArea): PopupPrefs {
  const read = async (): Promise<z.infer<typeof popupPrefsSchema>> => {
    const parsed = popupPrefsSchema.safeParse((await area.get(POPUP_PREFS_KEY))[POPUP_PREFS_KEY]);
    return parsed.success ? parsed.data : {};
  };
  return {
    countModel: async () => (await read()).count_model,
    async saveCountModel(model) {
      await area.set({ [POPUP_PREFS_KEY]: { ...(await read()), count_model: model } });
    },
  };
}
