/**
 * A Map that counts its changes, so that what is worked out from it (a room's tally) can be
 * kept until the map changes again rather than worked out again for every view.
 */
export class CountedMap<K, V> extends Map<K, V> {
  /** Goes up with every set, delete and clear. */
  changes = 0;

  override set(key: K, value: V): this {
    this.changes++;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.changes++;
    return super.delete(key);
  }

  override clear(): void {
    this.changes++;
    super.clear();
  }
}
