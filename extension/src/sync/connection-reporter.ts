import { type ConnectionState, connectionMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import type { SettingsResult } from '../settings/settings-schema';
import type { ConnectionNews } from './stream-once';

/** Keeps the connection state in the mirror, writing only when it changes. */
export interface ConnectionReporter {
  /** A new connection with these settings begins: the state is `connecting`. */
  starting: (settings: SettingsResult) => Promise<void>;
  /** The connection went online, or what went wrong. */
  report: (news: ConnectionNews) => Promise<void>;
}

interface ReporterDeps {
  db: TokentallyMirror;
  now: () => number;
  onChange: () => void;
}

/** Creates a reporter; it notifies `onChange` after each state it writes. */
export function createConnectionReporter({ db, now, onChange }: ReporterDeps): ConnectionReporter {
  let current: ConnectionState | undefined;
  let daemonUrl = '';
  let settingsError: string | null = null;

  async function write(state: ConnectionState['state'], message: string | null): Promise<void> {
    const unchanged =
      current?.state === state &&
      current.message === message &&
      current.daemon_url === daemonUrl &&
      current.settings_error === settingsError;
    if (unchanged) return;
    current = { state, daemon_url: daemonUrl, since: now(), message, settings_error: settingsError };
    await connectionMeta.write(db, current);
    onChange();
  }

  return {
    async starting(result) {
      daemonUrl = result.settings.daemon_url;
      settingsError = result.ok ? null : `Invalid settings, using the defaults: ${result.issues.join('; ')}`;
      await write('connecting', null);
    },
    report: (news) => write(news.state, news.message),
  };
}
