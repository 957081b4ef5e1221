import { describe, expect, it } from 'vitest';
import { formatMoney, formatShare, formatTokensShort } from './popup-format';

describe('formatMoney', () => {
  it('shows the user’s precision', () => {
    expect([
      formatMoney(1234.5678, 2),
      formatMoney(1234.5678, 0),
      formatMoney(0.5, 3),
      formatMoney(0, 2),
    ]).toEqual(['$1,234.57', '$1,235', '$0.500', '$0.00']);
  });

  it('gives a small amount enough decimals to show it rather than $0.00', () => {
    expect([formatMoney(0.0025, 2), formatMoney(0.000123, 2), formatMoney(0.0000001, 2)]).toEqual([
      '$0.0025',
      '$0.00012',
      '<$0.000001',
    ]);
  });
});

describe('formatTokensShort', () => {
  it('shortens large counts to three significant digits', () => {
    expect([950, 12_345, 4_560_000, 999_950, 1_200_000_000].map(formatTokensShort)).toEqual([
      '950',
      '12.3k',
      '4.56M',
      '1M',
      '1.2B',
    ]);
  });
});

describe('formatShare', () => {
  it('rounds shares to whole percents, with a decimal below 10%', () => {
    expect([0.4567, 0.032, 0.0004, 0].map(formatShare)).toEqual(['46%', '3.2%', '<0.1%', '0%']);
  });
});
