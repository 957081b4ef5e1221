/** A binary min-heap of numbers in a growable Float64Array: no objects, no comparator calls. */
export class MinHeap {
  private keys: Float64Array;
  /** Number of keys in the heap. */
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(capacity, 16));
  }

  /** Adds a key in O(log n). */
  push(key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = keys[parent] ?? 0;
      if (above <= key) break;
      keys[i] = above;
      i = parent;
    }
    keys[i] = key;
  }

  /** Removes and returns the smallest key; the heap must not be empty. */
  pop(): number {
    const keys = this.keys;
    const top = keys[0] ?? 0;
    const last = keys[--this.size] ?? 0;
    if (this.size > 0) {
      keys[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const keys = this.keys;
    const size = this.size;
    const key = keys[start] ?? 0;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (keys[right] ?? 0) < (keys[child] ?? 0)) child = right;
      const below = keys[child] ?? 0;
      if (below >= key) break;
      keys[i] = below;
      i = child;
    }
    keys[i] = key;
  }

  private grow(): void {
    const bigger = new Float64Array(this.keys.length * 2);
    bigger.set(this.keys);
    this.keys = bigger;
  }
}
