import { formatCount } from '@tokentally/shared/report/format-number';

const MAX_DECIMALS = 6;

function usd(value: number, decimals: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/**
 * Money with the user's display precision (`precision` decimals: `$1,234.57`). An amount too small to show at
 * that precision gets just enough decimals for two significant digits (`$0.0025`), up to six, so a real cost
 * never reads as $0.00; below a millionth it reads `<$0.000001`.
 */
export function formatMoney(value: number, precision: number): string {
  const smallest = 10 ** -precision;
  if (value === 0 || Math.abs(value) >= smallest) return usd(value, precision);
  if (Math.abs(value) < 10 ** -MAX_DECIMALS) return `<${usd(10 ** -MAX_DECIMALS, MAX_DECIMALS)}`;
  const decimals = Math.min(MAX_DECIMALS, Math.max(precision, 1 - Math.floor(Math.log10(Math.abs(value)))));
  return usd(value, decimals);
}

const UNITS = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
] as const;

/** A token count in a few characters: `950`, `12.3k`, `4.56M`, `1.2B` (three significant digits). */
export function formatTokensShort(value: number): string {
  const short = (size: number, unit: string): string =>
    `${Number((value / size).toPrecision(3)).toString()}${unit}`;
  for (const [index, [size, unit]] of UNITS.entries()) {
    if (Math.abs(value) < size) continue;
    // 999,950 rounds to 1000k: the next unit up reads better (1M).
    const bigger = UNITS[index - 1];
    return Math.abs(value) >= size * 999.5 && bigger !== undefined
      ? short(bigger[0], bigger[1])
      : short(size, unit);
  }
  return formatCount(value);
}

/** A share from 0 to 1 as a whole percentage, one decimal below 10%: `45%`, `3.2%`, `<0.1%`. */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent === 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent).toString()}%`;
}
