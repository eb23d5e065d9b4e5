/**
 * One fetch per key at a time: concurrent requests for the same asset share it, and a failed one
 * is forgotten, so the next request tries again instead of inheriting the failure. What to keep
 * once it arrives is the caller's business.
 */
export class SharedFetches<K, V> {
  private readonly pending = new Map<K, Promise<V>>();

  get(key: K, start: () => Promise<V>): Promise<V> {
    let pending = this.pending.get(key);
    if (!pending) {
      pending = start().finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }
}
