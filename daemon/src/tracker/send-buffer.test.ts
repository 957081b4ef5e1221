import { describe, expect, it } from 'vitest';
import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';
import { createSendBuffer } from './send-buffer';

const event = (id: string) => ({ id, model: 'gpt-4o' });
const ids = (events: readonly UsageEventWire[]) => events.map((e) => e.id);

describe('createSendBuffer', () => {
  it('hands out the oldest events first and counts a batch in flight', () => {
    const buffer = createSendBuffer(10);
    for (const id of ['a', 'b', 'c']) buffer.push(event(id));
    expect(ids(buffer.take(2))).toEqual(['a', 'b']);
    expect({ waiting: buffer.waiting(), size: buffer.size() }).toEqual({ waiting: 1, size: 3 });
    buffer.settle(2);
    expect(buffer.size()).toBe(1);
  });

  it('puts a failed batch back in front, so it is sent again first', () => {
    const buffer = createSendBuffer(10);
    for (const id of ['a', 'b', 'c']) buffer.push(event(id));
    const batch = buffer.take(2);
    buffer.push(event('d'));
    expect(buffer.putBack(batch)).toEqual([]);
    expect(ids(buffer.drain())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops the oldest waiting events beyond its limit, counting those in flight', () => {
    const buffer = createSendBuffer(3);
    for (const id of ['a', 'b', 'c']) buffer.push(event(id));
    const batch = buffer.take(2);
    expect(ids(buffer.push(event('d')))).toEqual(['c']);
    expect(ids(buffer.putBack(batch))).toEqual([]);
    expect(ids(buffer.drain())).toEqual(['a', 'b', 'd']);
  });
});
