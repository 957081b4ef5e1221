import type { ConnectionTest, SettingsForm, SettingsSectionState } from '../../models/options-settings';
import { IssueList } from './issue-list';
import { TextField } from './text-field';

/** Props of the daemon and display settings. */
export interface SettingsSectionProps {
  state: SettingsSectionState;
  onEdit: (field: keyof SettingsForm, value: string) => void;
  onSave: () => void;
  onTest: () => void;
}

const PRECISIONS = ['0', '1', '2', '3', '4', '5', '6'];

function testText(test: ConnectionTest): string {
  switch (test.state) {
    case 'idle':
      return '';
    case 'testing':
      return 'Testing…';
    case 'ok':
    case 'failed':
      return test.message;
    default:
      return test satisfies never;
  }
}

/** The daemon URL, token and display precision, with Save and Test connection. */
export function SettingsSection({ state, onEdit, onSave, onTest }: SettingsSectionProps) {
  const { form, test, save } = state;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Daemon</h2>
      {state.storedError === null ? null : (
        <p class="error" role="alert" data-testid="settings-error">
          {state.storedError}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <TextField
          id="daemon-url"
          label="Daemon URL"
          kind="url"
          value={form.daemon_url}
          placeholder="http://127.0.0.1:4747"
          required
          onInput={(value) => {
            onEdit('daemon_url', value);
          }}
        />
        <TextField
          id="token"
          label="Token"
          kind="secret"
          value={form.token}
          hint="Printed by `tokentally token`."
          onInput={(value) => {
            onEdit('token', value);
          }}
        />
        <div class="field">
          <label for="precision">Display precision</label>
          <select
            id="precision"
            data-testid="precision"
            value={form.precision}
            onChange={(event) => {
              onEdit('precision', event.currentTarget.value);
            }}
          >
            {PRECISIONS.map((digits) => (
              <option key={digits} value={digits}>
                {digits} decimals ({(1.23456789).toFixed(Number(digits)).replace(/^/, '$')})
              </option>
            ))}
          </select>
        </div>
        <IssueList issues={save.state === 'invalid' ? save.issues : []} testId="settings-issues" />
        <div class="actions">
          <button type="submit" data-testid="save-settings">
            Save
          </button>
          <button
            type="button"
            data-testid="test-connection"
            onClick={onTest}
            disabled={test.state === 'testing'}
          >
            Test connection
          </button>
          <span role="status" class="saved" data-testid="settings-saved">
            {save.state === 'saved' ? 'Saved.' : ''}
          </span>
        </div>
      </form>
      <p
        role="status"
        aria-live="polite"
        data-testid="connection-test-result"
        data-state={test.state === 'failed' ? test.problem : test.state}
        class={test.state === 'failed' ? 'error' : test.state === 'ok' ? 'ok' : ''}
      >
        {testText(test)}
      </p>
    </section>
  );
}
