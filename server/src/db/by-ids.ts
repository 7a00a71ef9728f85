/** Rows put back in the order of the keys a DataLoader asked for (null where a key has no row). */
export function byIds<T extends { id: number }>(rows: T[], ids: readonly number[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}
