import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../db/meta';
import { parseSettings } from '../settings/settings-schema';
import { connectionView } from './popup-connection';

const configured = parseSettings({ token: 'secret' });
const state = (overrides: Partial<ConnectionState>): ConnectionState => ({
  state: 'online',
  daemon_url: 'http://127.0.0.1:4747',
  since: 1,
  message: null,
  settings_error: null,
  ...overrides,
});

describe('connectionView', () => {
  it('is online while the worker streams', () => {
    expect(connectionView(state({}), configured)).toEqual({
      level: 'online',
      label: 'Online',
      detail: 'Live from http://127.0.0.1:4747.',
    });
  });

  it('is not configured without a token', () => {
    expect(connectionView(state({ state: 'unauthorized' }), parseSettings(undefined)).level).toBe(
      'not-configured',
    );
  });

  it('is offline with the worker’s reason, saying the mirror is still shown', () => {
    expect(connectionView(state({ state: 'offline', message: 'Cannot connect.' }), configured)).toEqual({
      level: 'offline',
      label: 'Offline',
      detail: 'Cannot connect. Showing what was mirrored.',
    });
  });

  it('is refused when the daemon turned the token or the extension away', () => {
    expect(connectionView(state({ state: 'forbidden', message: 'Origin refused.' }), configured)).toEqual({
      level: 'refused',
      label: 'Refused',
      detail: 'Origin refused.',
    });
  });

  it('is connecting before the worker reported anything', () => {
    expect(connectionView(undefined, configured).level).toBe('connecting');
  });
});
