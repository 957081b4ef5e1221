import { describe, expect, it } from 'vitest';
import { createEventIdGenerator } from './event-id';

describe('createEventIdGenerator', () => {
  it('makes 26-character ids that sort in the order they were made', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const next = createEventIdGenerator(() => now);
    const ids = [next(), next()];
    now += 1;
    ids.push(next());
    expect(ids.map((id) => id.length)).toEqual([26, 26, 26]);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('never repeats an id between two daemons started in the same millisecond', () => {
    const a = createEventIdGenerator(() => 0);
    const b = createEventIdGenerator(() => 0);
    expect(a()).not.toBe(b());
  });
});
