/** Rows put back in the order of the keys a batch was asked for (undefined where a key has no row); `keyOf` says which key a row answers. */
export function inKeyOrder<K, R>(rows: R[], keys: readonly K[], keyOf: (row: R) => K): Array<R | undefined> {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key));
}

/** Rows put back in the order of the keys a DataLoader asked for (null where a key has no row). */
export function byIds<T extends { id: number }>(rows: T[], ids: readonly number[]): Array<T | null> {
  return inKeyOrder(rows, ids, (row) => row.id).map((row) => row ?? null);
}
