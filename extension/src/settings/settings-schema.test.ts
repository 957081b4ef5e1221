import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings-schema';

describe('parseSettings', () => {
  it('uses the defaults when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual({
      ok: true,
      settings: { daemon_url: 'http://127.0.0.1:4747', token: '', precision: 2 },
    });
  });

  it('trims a pasted token and drops the trailing slash of the daemon URL', () => {
    expect(parseSettings({ daemon_url: ' http://localhost:5000/ ', token: ' abc\n' })).toEqual({
      ok: true,
      settings: { daemon_url: 'http://localhost:5000', token: 'abc', precision: 2 },
    });
  });

  it('keeps keys it does not know, so a newer popup can store its own', () => {
    expect(parseSettings({ token: 't', popup_model: 'gpt-4o' })).toEqual({
      ok: true,
      settings: { daemon_url: 'http://127.0.0.1:4747', token: 't', precision: 2, popup_model: 'gpt-4o' },
    });
  });

  it('falls back to the defaults and says what is wrong with invalid settings', () => {
    expect(parseSettings({ daemon_url: 'ftp://127.0.0.1', precision: 1.5 })).toEqual({
      ok: false,
      settings: { daemon_url: 'http://127.0.0.1:4747', token: '', precision: 2 },
      issues: [
        'daemon_url: expected an http:// or https:// URL, e.g. http://127.0.0.1:4747',
        'precision: expected a whole number of decimals',
      ],
    });
  });
});
