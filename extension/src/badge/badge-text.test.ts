import { describe, expect, it } from 'vitest';
import { formatBadgeSpend, formatUsd } from './badge-text';

describe('formatBadgeSpend', () => {
  it.each([
    [0, '$0'],
    [0.004, '<1¢'],
    [0.05, '$.05'],
    [0.42, '$.42'],
    [1, '$1'],
    [1.24, '$1.2'],
    [9.96, '$10'],
    [12.4, '$12'],
    [123.4, '$123'],
    [999.6, '1k'],
    [1234, '1.2k'],
    [12_345, '12k'],
    [123_456, '123k'],
    [1_234_567, '1.2M'],
  ])('shows $%s as %s', (usd, text) => {
    expect(formatBadgeSpend(usd)).toBe(text);
  });
});

describe('formatUsd', () => {
  it('shows dollars with the chosen number of decimals', () => {
    expect([formatUsd(1234.5678, 2), formatUsd(0.0123, 4), formatUsd(3, 0)]).toEqual([
      '$1,234.57',
      '$0.0123',
      '$3',
    ]);
  });
});
