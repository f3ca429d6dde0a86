/**
 * Values worked out lately, kept by key up to a capacity; past it, the value kept longest is forgotten.
 * For pure functions of fixed data (the index, a title's text), so that a kept value never goes stale.
 */
export class RecentValues<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value kept for `key`, or else `make(key)`, kept from now on. */
  get(key: K, make: (key: K) => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = make(key);
    if (this.values.size >= this.capacity) this.values.delete(this.values.keys().next().value as K);
    this.values.set(key, value);
    return value;
  }
}
