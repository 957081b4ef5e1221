import { describe, expect, it } from 'vitest';
import { isWholeHourAligned } from './hour-alignment';

const from = Date.parse('2025-01-01T00:00:00Z');
const to = Date.parse('2026-12-31T00:00:00Z');

describe('isWholeHourAligned', () => {
  it('holds for zones whose offsets and clock changes fall on whole hours', () => {
    expect(isWholeHourAligned('UTC', from, to)).toBe(true);
    expect(isWholeHourAligned('America/New_York', from, to)).toBe(true);
    expect(isWholeHourAligned('Europe/London', from, to)).toBe(true);
    expect(isWholeHourAligned('Asia/Tokyo', from, to)).toBe(true);
  });

  it('fails for half-hour and quarter-hour offsets', () => {
    expect(isWholeHourAligned('Asia/Kolkata', from, to)).toBe(false);
    expect(isWholeHourAligned('Asia/Kathmandu', from, to)).toBe(false);
    expect(isWholeHourAligned('Australia/Lord_Howe', from, to)).toBe(false);
    expect(isWholeHourAligned('America/St_Johns', from, to)).toBe(false);
  });

  it('looks only at the years of the range', () => {
    // Pyongyang used +08:30 from 2015-08-15 to 2018-05-04.
    expect(
      isWholeHourAligned(
        'Asia/Pyongyang',
        Date.parse('2016-03-01T00:00:00Z'),
        Date.parse('2016-04-01T00:00:00Z'),
      ),
    ).toBe(false);
    expect(isWholeHourAligned('Asia/Pyongyang', from, to)).toBe(true);
  });
});
