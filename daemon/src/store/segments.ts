import { DAY_MS, HOUR_MS } from './rollups';

/** The coarsest table a summary may read: raw events, hour rollups, or day rollups (with finer edges). */
export type SegmentLevel = 'events' | 'hour' | 'day';

/** A part of a time range read from one table: `from <= time < to`. */
export interface Segment {
  table: 'events' | 'rollup_hour' | 'rollup_day';
  from: number;
  to: number;
}

const ceilTo = (value: number, step: number): number => Math.ceil(value / step) * step;
const floorTo = (value: number, step: number): number => Math.floor(value / step) * step;

function hourSegments(from: number, to: number): Segment[] {
  const h0 = ceilTo(from, HOUR_MS);
  const h1 = floorTo(to, HOUR_MS);
  if (!(h0 < h1)) return [{ table: 'events', from, to }];
  return [
    { table: 'events', from, to: h0 },
    { table: 'rollup_hour', from: h0, to: h1 },
    { table: 'events', from: h1, to },
  ];
}

/**
 * Splits `[from, to)` (bounds may be infinite) into whole UTC days, whole hours and the partial hours at its
 * edges, reading each part from the coarsest table that holds it exactly. Empty parts are left out.
 */
export function planSegments(from: number, to: number, level: SegmentLevel): Segment[] {
  if (!(from < to)) return [];
  let segments: Segment[];
  if (level === 'events') segments = [{ table: 'events', from, to }];
  else if (level === 'hour') segments = hourSegments(from, to);
  else {
    const d0 = ceilTo(from, DAY_MS);
    const d1 = floorTo(to, DAY_MS);
    segments =
      d0 < d1
        ? [...hourSegments(from, d0), { table: 'rollup_day', from: d0, to: d1 }, ...hourSegments(d1, to)]
        : hourSegments(from, to);
  }
  return segments.filter((segment) => segment.from < segment.to);
}
