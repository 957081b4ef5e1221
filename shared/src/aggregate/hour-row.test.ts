import { describe, expect, it } from 'vitest';
import { utcHourCeil, utcHourStart } from './hour-row';

const at = (iso: string): number => Date.parse(iso);

describe('UTC hour bounds', () => {
  it('rounds an instant down and up to whole UTC hours', () => {
    expect(utcHourStart(at('2026-11-23T06:44:25.123Z'))).toBe(at('2026-11-23T06:00:00Z'));
    expect(utcHourCeil(at('2026-11-23T06:44:25.123Z'))).toBe(at('2026-11-23T07:00:00Z'));
  });

  it('keeps an instant that is on the hour, and open bounds open', () => {
    expect(utcHourStart(at('2026-11-23T06:00:00Z'))).toBe(at('2026-11-23T06:00:00Z'));
    expect(utcHourCeil(at('2026-11-23T06:00:00Z'))).toBe(at('2026-11-23T06:00:00Z'));
    expect(utcHourStart(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(utcHourCeil(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
