import { type SettingsInput, settingsSchema } from '../settings/settings-schema';
import { loadSettings, saveSettings } from '../settings/settings-store';
import { describeDaemonError } from '../sync/connection-errors';
import type { DaemonAddress, OptionsDeps } from './options-deps';
import { createValueStore, type ValueStore } from './value-store';

/** The settings form as typed (strings until saved). */
export interface SettingsForm {
  daemon_url: string;
  token: string;
  precision: string;
}

/** The outcome of "Test connection": what works, or exactly what is wrong. */
export type ConnectionTest =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; message: string }
  | { state: 'failed'; problem: 'invalid' | 'offline' | 'unauthorized' | 'forbidden'; message: string };

/** What the settings section shows. */
export interface SettingsSectionState {
  form: SettingsForm;
  /** Why the stored settings were ignored for the defaults, or null. */
  storedError: string | null;
  save: { state: 'idle' } | { state: 'saved' } | { state: 'invalid'; issues: string[] };
  test: ConnectionTest;
}

/** The settings section's state and actions. */
export interface SettingsModel {
  store: ValueStore<SettingsSectionState>;
  /** The address budgets and prices are managed at: the saved one. */
  saved: () => DaemonAddress;
  load: () => Promise<void>;
  edit: (field: keyof SettingsForm, value: string) => void;
  save: () => Promise<boolean>;
  testConnection: () => Promise<void>;
}

const formInput = (form: SettingsForm): SettingsInput => ({
  daemon_url: form.daemon_url,
  token: form.token,
  precision: form.precision.trim() === '' ? undefined : Number(form.precision),
});

/** Creates the settings section's model. */
export function createSettingsModel({ storage, clientFor }: OptionsDeps): SettingsModel {
  const store = createValueStore<SettingsSectionState>({
    form: { daemon_url: '', token: '', precision: '2' },
    storedError: null,
    save: { state: 'idle' },
    test: { state: 'idle' },
  });
  let saved: DaemonAddress = { daemon_url: '', token: '' };
  const patch = (update: Partial<SettingsSectionState>): void => {
    store.set((current) => ({ ...current, ...update }));
  };

  async function testAddress(address: DaemonAddress): Promise<ConnectionTest> {
    const client = clientFor(address);
    const status = await client.budgetStatus();
    if (!status.ok) {
      const problem = describeDaemonError(status.error, client.baseUrl);
      const noToken = problem.state === 'unauthorized' && address.token === '';
      const message = noToken
        ? 'The daemon needs a token (401): paste what `tokentally token` prints.'
        : problem.message;
      return { state: 'failed', problem: problem.state, message };
    }
    const health = await client.health();
    const about = health.ok
      ? ` (tokentally ${health.value.version}, ${String(health.value.events)} events)`
      : '';
    return { state: 'ok', message: `Connected to the daemon at ${client.baseUrl}${about}.` };
  }

  return {
    store,
    saved: () => saved,
    async load() {
      const result = await loadSettings(storage);
      const { daemon_url, token, precision } = result.settings;
      saved = { daemon_url, token };
      const storedError = result.ok
        ? null
        : `The stored settings are invalid (${result.issues.join('; ')}); using the defaults.`;
      patch({ form: { daemon_url, token, precision: String(precision) }, storedError });
    },
    edit(field, value) {
      // A test result or "Saved." speaks of the values before this edit.
      store.set((current) => ({
        ...current,
        form: { ...current.form, [field]: value },
        save: { state: 'idle' },
        test: { state: 'idle' },
      }));
    },
    async save() {
      const result = await saveSettings(storage, formInput(store.get().form));
      if (!result.ok) {
        patch({ save: { state: 'invalid', issues: result.issues } });
        return false;
      }
      const parsed = settingsSchema.parse(formInput(store.get().form));
      saved = { daemon_url: parsed.daemon_url, token: parsed.token };
      const form = {
        daemon_url: parsed.daemon_url,
        token: parsed.token,
        precision: String(parsed.precision),
      };
      patch({ form, save: { state: 'saved' }, storedError: null });
      return true;
    },
    async testConnection() {
      const parsed = settingsSchema.safeParse(formInput(store.get().form));
      if (!parsed.success) {
        const message = parsed.error.issues.map((issue) => issue.message).join('; ');
        patch({ test: { state: 'failed', problem: 'invalid', message } });
        return;
      }
      patch({ test: { state: 'testing' } });
      patch({ test: await testAddress(parsed.data) });
    },
  };
}
