// Tables of key → text (what each key of a model file means) whose text follows the language: each
// entry is a getter, so `own(table, key)`, `Object.entries(table)` and `isOwnKey` work as on a plain
// object and read the text in the language of the moment (the server's process-wide one).
import type { MessageId } from '../i18n/catalog';
import { t } from '../i18n/t';

export function localizedTable(ids: Readonly<Record<string, MessageId>>): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [key, id] of Object.entries(ids)) Object.defineProperty(table, key, { get: () => t(id), enumerable: true });
  return Object.freeze(table);
}
