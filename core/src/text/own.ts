// Lookups of a user's key in a table of known keys. `k in table` and `table[k]` also find what every
// object inherits, so `constructor`, `toString` or `__proto__` passed as parameters and top-level keys
// (and a hover showed "function Object() { [native code] }"). Only a table's own keys count.

/** The table's entry for `key`, if the table itself has one. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Whether `key` is one of the table's own keys. */
export function isOwnKey(table: object, key: string): boolean {
  return Object.hasOwn(table, key);
}
