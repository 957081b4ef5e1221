import { z } from 'zod';

/** Where the daemon listens unless the user says otherwise (SPEC section 4). */
export const DEFAULT_DAEMON_URL = 'http://127.0.0.1:4747';

/** How many decimals money is shown with unless the user picks otherwise. */
export const DEFAULT_PRECISION = 2;

const daemonUrlSchema = z
  .string()
  .trim()
  .pipe(
    z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL, e.g. http://127.0.0.1:4747' }),
  )
  // The client appends paths itself; a trailing slash would double them.
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * The extension's settings as kept in `browser.storage.local` under `settings`. Keys this version does not know
 * are kept (a newer popup may add some), so saving never drops them.
 */
export const settingsSchema = z.looseObject({
  daemon_url: daemonUrlSchema.default(DEFAULT_DAEMON_URL),
  // Tokens are pasted from a terminal; stray whitespace would make a valid token look wrong.
  token: z.string().trim().max(1024).default(''),
  precision: z.int({ error: 'expected a whole number of decimals' }).min(0).max(6).default(DEFAULT_PRECISION),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** Settings read from storage: valid ones, or the defaults with what was wrong (shown to the user). */
export type SettingsResult =
  { ok: true; settings: Settings } | { ok: false; settings: Settings; issues: string[] };

/** The settings used when nothing (or nothing valid) is stored. */
export function defaultSettings(): Settings {
  return { daemon_url: DEFAULT_DAEMON_URL, token: '', precision: DEFAULT_PRECISION };
}

/** Validates stored settings; nothing stored means the defaults, anything invalid means the defaults plus issues. */
export function parseSettings(raw: unknown): SettingsResult {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issues = parsed.error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
  );
  return { ok: false, settings: defaultSettings(), issues };
}
