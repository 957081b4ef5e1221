import { describe, expect, it } from 'vitest';
import { planSegments } from './segments';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string): number => Date.parse(iso);

describe('planSegments', () => {
  it('reads whole days from day rollups, whole hours from hour rollups and only the edges from events', () => {
    const from = at('2026-03-01T10:30:00Z');
    const to = at('2026-03-05T02:15:00Z');
    expect(planSegments(from, to, 'day')).toEqual([
      { table: 'events', from, to: at('2026-03-01T11:00:00Z') },
      { table: 'rollup_hour', from: at('2026-03-01T11:00:00Z'), to: at('2026-03-02T00:00:00Z') },
      { table: 'rollup_day', from: at('2026-03-02T00:00:00Z'), to: at('2026-03-05T00:00:00Z') },
      { table: 'rollup_hour', from: at('2026-03-05T00:00:00Z'), to: at('2026-03-05T02:00:00Z') },
      { table: 'events', from: at('2026-03-05T02:00:00Z'), to },
    ]);
  });

  it('reads an unbounded range from day rollups alone', () => {
    expect(planSegments(-Infinity, Infinity, 'day')).toEqual([
      { table: 'rollup_day', from: -Infinity, to: Infinity },
    ]);
  });

  it('stays with hours when asked to', () => {
    expect(planSegments(0, 2 * D, 'hour')).toEqual([{ table: 'rollup_hour', from: 0, to: 2 * D }]);
  });

  it('reads a range inside one hour from events', () => {
    expect(planSegments(H + 5, H + 10, 'day')).toEqual([{ table: 'events', from: H + 5, to: H + 10 }]);
  });

  it('plans nothing for an empty or inverted range', () => {
    expect([planSegments(5, 5, 'day'), planSegments(9, 5, 'events')]).toEqual([[], []]);
  });
});
