import type { Attributes } from './trace-request';

/** A token count read from an attribute: absent, a count, or a value that cannot be one (named in the message). */
export type CountAttribute = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * The first of `keys` present in any of `sources`, as a non-empty string. Keys are tried in order, and for each
 * key the sources in order (the span before its resource), so a more specific attribute name always wins.
 */
export function stringAttribute(sources: readonly Attributes[], keys: readonly string[]): string | undefined {
  for (const key of keys) {
    for (const source of sources) {
      const value = source.get(key);
      if (value === undefined) continue;
      const text = String(value).trim();
      if (text !== '') return text;
    }
  }
  return undefined;
}

const DIGITS = /^\d{1,16}$/;

/** The first of `keys` present in `source`, as a non-negative integer (an int, an integral double or digits). */
export function countAttribute(source: Attributes, keys: readonly string[]): CountAttribute {
  for (const key of keys) {
    const value = source.get(key);
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { ok: true, value };
    if (typeof value === 'string' && DIGITS.test(value.trim()))
      return { ok: true, value: Number(value.trim()) };
    return { ok: false, message: `${key}: expected a non-negative integer, got ${JSON.stringify(value)}` };
  }
  return { ok: true, value: undefined };
}

/** Whether any of `keys` is present in `source`. */
export function hasAny(source: Attributes, keys: readonly string[]): boolean {
  return keys.some((key) => source.has(key));
}

/** Cuts a label to the length the event schema allows. */
export function clip(value: string | undefined, max: number): string | undefined {
  return value === undefined || value.length <= max ? value : value.slice(0, max);
}
