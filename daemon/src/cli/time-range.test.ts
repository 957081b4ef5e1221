import { describe, expect, it } from 'vitest';
import { parseDuration, timeRangeFrom } from './time-range';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);

describe('timeRangeFrom', () => {
  it('turns --since 7d into a from time seven days back', () => {
    expect(timeRangeFrom({ since: '7d' }, now)).toEqual({
      ok: true,
      range: { from: '2025-06-08T12:00:00.000Z' },
    });
  });

  it('reads minutes, hours and weeks', () => {
    expect([parseDuration('90m'), parseDuration('24h'), parseDuration('1w')]).toEqual([
      5_400_000, 86_400_000, 604_800_000,
    ]);
  });

  it('takes a date for --since as a from time', () => {
    expect(timeRangeFrom({ since: '2025-06-01' }, now)).toEqual({ ok: true, range: { from: '2025-06-01' } });
  });

  it('passes --from and --to through for the daemon to check', () => {
    expect(timeRangeFrom({ from: '2025-06-01', to: '2025-06-02T00:00:00Z' }, now)).toEqual({
      ok: true,
      range: { from: '2025-06-01', to: '2025-06-02T00:00:00Z' },
    });
  });

  it('refuses --since together with --from', () => {
    expect(timeRangeFrom({ since: '7d', from: '2025-06-01' }, now)).toEqual({
      ok: false,
      message: 'use either --since or --from, not both',
    });
  });

  it('refuses a duration it cannot read', () => {
    expect(timeRangeFrom({ since: 'seven days' }, now)).toEqual({
      ok: false,
      message: "--since expects a duration like 24h, 7d, 1w or 90m, or a date; got 'seven days'",
    });
  });
});
