/**
 * `compute` with its answers remembered, for hot paths that see few distinct keys (a stream's models, a commit's
 * timestamps). At most `max` are kept: when full, the memo starts over, so endless distinct keys cannot grow it.
 */
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
