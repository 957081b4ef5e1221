import { parseSettings, type SettingsInput, type SettingsResult, settingsSchema } from './settings-schema';

/** The storage key the settings live under (SPEC section 4); tests configure the extension by writing it. */
export const SETTINGS_KEY = 'settings';

/** The part of `browser.storage.local` the settings use. */
export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A change as `browser.storage.onChanged` reports it. */
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: StorageChanges, areaName: string) => void;

/** The part of `browser.storage` that reports changes. */
export interface StorageChangeSource {
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

/** Reads and validates the stored settings (defaults plus issues when they are invalid). */
export async function loadSettings(area: StorageAreaLike): Promise<SettingsResult> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** What saving settings did: stored them, or refused them with the reasons (nothing is written then). */
export type SaveSettingsResult = { ok: true } | { ok: false; issues: string[] };

/** Validates and stores settings, keeping keys this version does not know; invalid settings are not written. */
export async function saveSettings(area: StorageAreaLike, input: SettingsInput): Promise<SaveSettingsResult> {
  const stored = await area.get(SETTINGS_KEY);
  const previous: unknown = stored[SETTINGS_KEY];
  const base = typeof previous === 'object' && previous !== null ? previous : {};
  const parsed = settingsSchema.safeParse({ ...base, ...input });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  await area.set({ [SETTINGS_KEY]: parsed.data });
  return { ok: true };
}

/** Calls `onChange` with the validated settings each time they change in `browser.storage.local`, until aborted. */
export function watchSettings(
  storage: StorageChangeSource,
  onChange: (result: SettingsResult) => void,
  signal: AbortSignal,
): void {
  const listener: ChangeListener = (changes, areaName) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || change === undefined) return;
    onChange(parseSettings(change.newValue));
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => {
    storage.onChanged.removeListener(listener);
  });
}
