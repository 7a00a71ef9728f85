/**
 * A per-process cache that stays right with several server processes on one database, for
 * settings that are read on every request and changed rarely (a community's check-in rule and
 * tiers). Each value is kept under a version number that every change bumps in the database, in
 * the same transaction as the change, and that the reader brings in fresh from the database (it
 * comes with a row the request reads anyway). A reader with a newer version than the cached one
 * loads and replaces it; one with an older version (it read just before a change) loads without
 * touching the cache. Values are shared between requests: they are frozen.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<number, { version: number; value: Promise<V> }>();

  constructor(private readonly maxEntries = 10_000) {}

  get(key: number, version: number, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.value;
    const value = load().then(deepFreeze);
    if (cached && cached.version > version) return value;
    if (!cached && this.entries.size >= this.maxEntries) this.entries.clear();
    const entry = { version, value };
    this.entries.set(key, entry);
    // A failed load is not remembered.
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
