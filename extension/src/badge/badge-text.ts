const UNITS = ['k', 'M', 'B', 'T'] as const;

// One decimal while it fits, none once it would not: "1.2", "12"; a trailing ".0" is dropped ("1", not "1.0").
function shortNumber(value: number): string | undefined {
  const tenths = Math.round(value * 10);
  if (tenths < 100) return String(tenths / 10);
  const whole = Math.round(value);
  return whole < 1000 ? String(whole) : undefined;
}

/**
 * Today's spend in the four characters a toolbar badge shows: `$0`, `<1¢`, `$.42`, `$1.2`, `$12`, `$123`, then
 * without the dollar sign `1.2k`, `12k`, `123k`, `1.2M`...
 */
export function formatBadgeSpend(usd: number): string {
  if (!(usd > 0)) return '$0';
  const cents = Math.round(usd * 100);
  if (cents === 0) return '<1¢';
  if (cents < 100) return `$.${String(cents).padStart(2, '0')}`;
  const dollars = shortNumber(usd);
  if (dollars !== undefined) return `$${dollars}`;
  let value = usd;
  for (const unit of UNITS) {
    value /= 1000;
    const short = shortNumber(value);
    if (short !== undefined) return `${short}${unit}`;
  }
  return '>1Q';
}

/** A dollar amount for people: `$1,234.56` with `precision` decimals (the user's display precision). */
export function formatUsd(usd: number, precision: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: precision,
    maximumFractionDigits: precision,
  }).format(usd);
}
