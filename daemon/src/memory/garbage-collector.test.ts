import { describe, expect, it } from 'vitest';
import { exposedGarbageCollector } from './garbage-collector';

// Allocated in a function of its own, so nothing of it is reachable once the function returns.
function makeGarbage(count: number): number {
  const items = Array.from({ length: count }, (_, n) => ({ n, text: `item ${String(n)}` }));
  return items.length;
}

describe('exposed garbage collector', () => {
  it('frees the heap that unreachable objects had taken', () => {
    const collect = exposedGarbageCollector();
    expect(collect).toBeTypeOf('function');
    collect?.();
    const before = process.memoryUsage().heapUsed;
    expect(makeGarbage(400_000)).toBe(400_000);
    const grown = process.memoryUsage().heapUsed;
    collect?.();
    const after = process.memoryUsage().heapUsed;
    expect(grown - before).toBeGreaterThan(10_000_000);
    expect(after - before).toBeLessThan(2_000_000);
  });
});
