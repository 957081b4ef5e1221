import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatUsd } from './format-number';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect([0, 999, 1000, 1234567, 1_000_000_000].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '1,234,567',
      '1,000,000,000',
    ]);
  });
});

describe('formatUsd', () => {
  it('shows two decimals from a dollar up, with thousands separators', () => {
    expect([1, 12.345, 1234.5, 1234567.891].map(formatUsd)).toEqual([
      '$1.00',
      '$12.35',
      '$1,234.50',
      '$1,234,567.89',
    ]);
  });

  it('shows up to four decimals below a dollar, at least two', () => {
    expect([0.5, 0.25, 0.123, 0.0123, 0.00456, 0.1234].map(formatUsd)).toEqual([
      '$0.50',
      '$0.25',
      '$0.123',
      '$0.0123',
      '$0.0046',
      '$0.1234',
    ]);
  });

  it('rounds a near-dollar amount to two decimals', () => {
    expect(formatUsd(0.99999)).toBe('$1.00');
  });

  it('marks a tiny positive amount instead of showing zero', () => {
    expect(formatUsd(0.00001)).toBe('<$0.0001');
  });

  it('shows nothing spent as $0.00', () => {
    expect(formatUsd(0)).toBe('$0.00');
  });
});

describe('formatPercent', () => {
  it('shows a share with one decimal', () => {
    expect([0, 0.4567, 1].map(formatPercent)).toEqual(['0.0%', '45.7%', '100.0%']);
  });
});
