// Inserts a `flatten` layer before the item that starts at `at`, in the list's own style: a
// `- flatten` line in a YAML block list, `flatten, ` in a flow list, `"flatten", ` in JSON (on its
// own line where the list is written one item a line).
import type { SourceKind } from '../../../../core/src/index';
import { lineBreakAt, lineStartAt } from '../ranges';
import type { OffsetEdit } from './offsetEdit';

export function insertFlatten(text: string, kind: SourceKind, at: number): OffsetEdit | undefined {
  return insertItem(text, kind, at, kind === 'json' ? '"flatten"' : 'flatten');
}

/** Inserts the list item `item` (written as it should appear) before the item that starts at `at`. */
export function insertItem(text: string, kind: SourceKind, at: number, item: string): OffsetEdit | undefined {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  const before = text[i];
  if (before === '-' && kind === 'yaml') {
    // `  - type: dense` → `  - flatten` + a new line with the same `  - `.
    const indent = text.slice(lineStartAt(text, i), i);
    return { start: i, end: i, newText: `- ${item}${lineBreakAt(text, i)}${indent}` };
  }
  if (before === '[' || before === ',') {
    const indent = text.slice(lineStartAt(text, at), at);
    if (text.slice(i, at).includes('\n') && /^[ \t]*$/.test(indent)) {
      return { start: at, end: at, newText: `${item},${lineBreakAt(text, at)}${indent}` };
    }
    return { start: at, end: at, newText: `${item}, ` };
  }
  return undefined;
}
