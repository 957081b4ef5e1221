import type { ConnectionState } from '../db/meta';
import type { SettingsResult } from '../settings/settings-schema';

/** The connection line of the popup: how it stands, in words. */
export interface ConnectionView {
  level: 'online' | 'connecting' | 'offline' | 'not-configured' | 'refused';
  label: string;
  detail: string | null;
}

/**
 * The popup's view of the connection the worker reported in the mirror. Without a token the extension is not
 * configured (the daemon answers a browser only with one) unless the worker is online anyway; a missing report
 * means the worker has not run yet.
 */
export function connectionView(
  connection: ConnectionState | undefined,
  settings: SettingsResult,
): ConnectionView {
  const online = connection?.state === 'online';
  if (!online && settings.settings.token === '') {
    return {
      level: 'not-configured',
      label: 'Not configured',
      detail: 'Open the options and paste the token that `tokentally token` prints.',
    };
  }
  if (connection === undefined) return { level: 'connecting', label: 'Connecting…', detail: null };
  const at = connection.daemon_url;
  const detail = (text: string | null): string | null =>
    [text, connection.settings_error].filter((line) => line !== null).join(' ') || null;
  switch (connection.state) {
    case 'online':
      return { level: 'online', label: 'Online', detail: detail(`Live from ${at}.`) };
    case 'connecting':
      return { level: 'connecting', label: 'Connecting…', detail: detail(`Reaching ${at}.`) };
    case 'offline':
      return {
        level: 'offline',
        label: 'Offline',
        detail: detail(`${connection.message ?? `Cannot reach ${at}.`} Showing what was mirrored.`),
      };
    case 'unauthorized':
    case 'forbidden':
      return { level: 'refused', label: 'Refused', detail: detail(connection.message) };
    default:
      return connection.state satisfies never;
  }
}
