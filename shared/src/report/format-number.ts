const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

function groupThousands(digits: string): string {
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(THOUSANDS, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A count with thousands separators: `1234567` → `1,234,567`. */
export function formatCount(value: number): string {
  return groupThousands(Math.round(value).toString());
}

/**
 * A cost in dollars, precise enough for small amounts: two decimals from $1 up (`$1,234.57`), up to four below
 * (`$0.0123`, `$0.50`), `<$0.0001` for a positive amount that would round to zero, and `$0.00` for nothing.
 */
export function formatUsd(value: number): string {
  if (value === 0) return '$0.00';
  if (Math.abs(value) >= 1) return `$${groupThousands(value.toFixed(2))}`;
  const [whole = '0', fraction = ''] = value.toFixed(4).split('.');
  if (whole === '0' && /^0+$/.test(fraction)) return '<$0.0001';
  // Zeros past the cents carry no information: $0.5000 reads better as $0.50.
  return `$${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
}

/** A share from 0 to 1 as a percentage with one decimal: `0.4567` → `45.7%`. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
