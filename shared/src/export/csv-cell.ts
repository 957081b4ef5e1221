// OWASP "CSV injection": a spreadsheet evaluates a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const EXPONENT_FORM = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

/** Wraps a cell in double quotes, doubling inner quotes, when it holds a comma, a quote, CR or LF (RFC 4180). */
export function quoteCsvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Prefixes `'` to text a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or CR). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Writes a number in plain decimal notation, never `1e-7`, so every spreadsheet and parser reads it alike. */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = EXPONENT_FORM.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = lead + fraction;
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  // String() only switches to exponent form at 1e21, so the digits never reach past the decimal point.
  return `${sign}${digits.padEnd(exponent + 1, '0')}`;
}

/** One text cell: empty for null, otherwise made inert against formulas and quoted as needed. */
export function csvTextCell(value: string | null): string {
  return value === null ? '' : quoteCsvCell(neutralizeFormula(value));
}

/** One number cell: empty for null, otherwise plain decimal (numbers are never prefixed or quoted). */
export function csvNumberCell(value: number | null): string {
  return value === null ? '' : plainDecimal(value);
}
