// The JSON values the generators build, and the one way they are written to disk.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Two-space indentation and a final newline, as the files were written by hand. */
export function jsonFile(value: Json): string {
  return JSON.stringify(value, null, 2) + '\n';
}
