/** Values a query string may carry; `undefined` and `null` are left out. */
export type QueryValue = string | number | boolean | undefined | null;

/** Builds `?a=1&b=x%20y` from an object, in its key order, skipping undefined and null; `''` when nothing is left. */
export function toQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const pairs = Object.entries(params).flatMap(([key, value]) =>
    value === undefined || value === null
      ? []
      : [`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`],
  );
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
