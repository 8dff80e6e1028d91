// Rename a layer: its `name:` and every reference to it, in one edit. Refuses what would break the
// file (an empty name, `input`, a name in use, a number) with a message that says why.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { INPUT_NAME } from '../../../core/src/index';
import { nameLiteral } from './edits/nameLiteral';
import { toRange } from './ranges';
import { nameSpan, sitesOf, symbolAt, type SymbolHit } from './symbols';

export const RENAME_MESSAGES = {
  notAName: 'Put the cursor on a layer name (its `name:` or a name in `inputs`) to rename it.',
  input: "'input' is the network input's fixed name: it cannot be renamed.",
  byIndex: (index: number) => `Layer ${index} has no name (it is referred to by its index): give it a \`name:\` first.`,
  unknown: (name: string) => `No layer is named '${name}': there is nothing to rename.`,
  empty: 'A layer name cannot be empty.',
  reserved: "'input' is the network input's name: choose another name.",
  digits: (name: string) => `'${name}' would be read as a layer index: use a name with a letter in it.`,
  lineBreak: 'A layer name is one line.',
  taken: (name: string, index: number) => `The name '${name}' is already used by layer ${index}.`,
} as const;

/** What a rename request gets: a result, or a reason to show the user. */
export type Renamed<T> = { ok: T } | { error: string };

export function prepareRename(analysis: Analysis, doc: TextDocument, offset: number): Renamed<{ range: Range; placeholder: string }> {
  const r = renamable(analysis, offset);
  if ('error' in r) return r;
  return { ok: { range: toRange(doc, nameSpan(analysis.text, r.ok.site.span)), placeholder: r.ok.name } };
}

export function rename(analysis: Analysis, doc: TextDocument, offset: number, requested: string): Renamed<WorkspaceEdit> {
  const r = renamable(analysis, offset);
  if ('error' in r) return r;
  const hit = r.ok;
  const newName = requested.trim();
  const refused = invalidName(analysis, hit, newName);
  if (refused) return { error: refused };
  const edits: TextEdit[] = sitesOf(analysis, hit).map((s) => ({
    range: toRange(doc, s.span),
    newText: nameLiteral(newName, analysis.text.slice(s.span.start, s.span.end), analysis.kind),
  }));
  return { ok: { changes: { [doc.uri]: edits } } };
}

/** The symbol under the cursor if it is a layer name that can be renamed. */
function renamable(analysis: Analysis, offset: number): Renamed<SymbolHit> {
  const hit = symbolAt(analysis, offset);
  if (!hit) return { error: RENAME_MESSAGES.notAName };
  const t = hit.target;
  if (t.kind === 'input' || (hit.site.role === 'declaration' && hit.name === INPUT_NAME)) return { error: RENAME_MESSAGES.input };
  if (t.kind === 'layer' && !analysis.model.layers[t.index]?.name) return { error: RENAME_MESSAGES.byIndex(t.index) };
  // A reference to no layer has nothing to rename; a second layer with a taken name may be renamed alone.
  if (t.kind === 'unknown' && hit.site.role === 'reference') return { error: RENAME_MESSAGES.unknown(hit.name) };
  return { ok: hit };
}

function invalidName(analysis: Analysis, hit: SymbolHit, name: string): string | undefined {
  if (name === '') return RENAME_MESSAGES.empty;
  if (name === INPUT_NAME) return RENAME_MESSAGES.reserved;
  if (/[\r\n]/.test(name)) return RENAME_MESSAGES.lineBreak;
  if (/^\d+$/.test(name)) return RENAME_MESSAGES.digits(name);
  if (name === hit.name) return undefined;
  const other = analysis.model.layers.find((d) => d.id === name);
  return other ? RENAME_MESSAGES.taken(name, other.index) : undefined;
}
