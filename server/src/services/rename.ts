// Rename a name across the file in one edit: a layer (its `name:` and every reference, within its
// scope; a block use's name also where it starts a longer name, `layer1.0.conv1`), a block's input, a
// block (its key and every `type` that uses it), a block parameter (its key, every `$name`, the key at
// each use). Refuses what would break the file, with a message that says why.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { INPUT_NAME, LAYERS, USE_KEYS, isOwnKey, t } from '../../../core/src/index';
import { nameLiteral } from './edits/nameLiteral';
import { toRange } from './ranges';
import { fileNames, type Scope } from './scopes';
import { nameSpan, resolve, sitesOf, symbolAt, type SymbolHit } from './symbols';

/** Each reason, in the user's language (messages in the catalogue's area `rename`). */
export const RENAME_MESSAGES = {
  get notAName() { return t('rename.notAName'); },
  get input() { return t('rename.input'); },
  blockInput: (block: string) => t('rename.blockInput', { block }),
  byIndex: (index: number) => t('rename.byIndex', { index }),
  unknown: (name: string) => t('rename.unknown', { name }),
  get empty() { return t('rename.empty'); },
  get reserved() { return t('rename.reserved'); },
  digits: (name: string) => t('rename.digits', { name }),
  get lineBreak() { return t('rename.lineBreak'); },
  taken: (name: string, index: number) => t('rename.taken', { name, index }),
  takenInBlock: (name: string, block: string) => t('rename.takenInBlock', { name, block }),
  prefixTaken: (name: string, use: string) => t('rename.prefixTaken', { name, use }),
  blockWord: (name: string) => t('rename.blockWord', { name }),
  layerType: (name: string) => t('rename.layerType', { name }),
  blockTaken: (name: string) => t('rename.blockTaken', { name }),
  paramWord: (name: string) => t('rename.paramWord', { name }),
  paramTaken: (name: string, block: string) => t('rename.paramTaken', { name, block }),
  useKey: (name: string) => t('rename.useKey', { name }),
};

const BLOCK_WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PARAM_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What a rename request gets: a result, or a reason to show the user. */
export type Renamed<T> = { ok: T } | { error: string };

export function prepareRename(analysis: Analysis, doc: TextDocument, offset: number): Renamed<{ range: Range; placeholder: string }> {
  const r = renamable(analysis, offset);
  if ('error' in r) return r;
  return { ok: { range: toRange(doc, nameSpan(analysis.text, r.ok.site)), placeholder: r.ok.name } };
}

export function rename(analysis: Analysis, doc: TextDocument, offset: number, requested: string): Renamed<WorkspaceEdit> {
  const r = renamable(analysis, offset);
  if ('error' in r) return r;
  const hit = r.ok;
  const newName = requested.trim();
  if (newName === hit.name) return { ok: { changes: { [doc.uri]: [] } } };
  const refused = invalidName(analysis, hit, newName);
  if (refused) return { error: refused };
  const edits: TextEdit[] = sitesOf(analysis, hit).map((s) => ({
    range: toRange(doc, s.span),
    newText: nameLiteral(s.value.slice(0, s.from) + newName + s.value.slice(s.to), analysis.text.slice(s.span.start, s.span.end), analysis.kind),
  }));
  return { ok: { changes: { [doc.uri]: edits } } };
}

/** The symbol under the cursor if it is a name that can be renamed. */
function renamable(analysis: Analysis, offset: number): Renamed<SymbolHit> {
  const hit = symbolAt(analysis, offset);
  if (!hit) return { error: RENAME_MESSAGES.notAName };
  const t = hit.target;
  if (t.kind === 'input' && !t.span) return { error: t.scope.block === undefined ? RENAME_MESSAGES.input : RENAME_MESSAGES.blockInput(t.scope.block) };
  if (t.kind === 'layer' && !t.item.name) return { error: RENAME_MESSAGES.byIndex(t.item.index) };
  if (t.kind === 'unknown' && hit.site.role === 'declaration' && hit.name === INPUT_NAME && t.scope.block === undefined) return { error: RENAME_MESSAGES.input };
  // A reference to no layer has nothing to rename; a second layer with a taken name may be renamed alone.
  if (t.kind === 'unknown' && hit.site.role === 'reference') return { error: RENAME_MESSAGES.unknown(hit.name) };
  return { ok: hit };
}

function invalidName(analysis: Analysis, hit: SymbolHit, name: string): string | undefined {
  if (name === '') return RENAME_MESSAGES.empty;
  if (/[\r\n]/.test(name)) return RENAME_MESSAGES.lineBreak;
  const t = hit.target;
  if (t.kind === 'block') {
    if (!BLOCK_WORD.test(name)) return RENAME_MESSAGES.blockWord(name);
    if (LAYERS.has(name)) return RENAME_MESSAGES.layerType(name);
    return fileNames(analysis).blocks.has(name) ? RENAME_MESSAGES.blockTaken(name) : undefined;
  }
  if (t.kind === 'param') {
    if (!PARAM_WORD.test(name)) return RENAME_MESSAGES.paramWord(name);
    if (isOwnKey(USE_KEYS, name)) return RENAME_MESSAGES.useKey(name);
    return t.block.params.some((p) => p.name === name) ? RENAME_MESSAGES.paramTaken(name, t.block.name) : undefined;
  }
  if (/^\d+$/.test(name)) return RENAME_MESSAGES.digits(name);
  const scope = t.scope;
  if (scope.block === undefined && name === INPUT_NAME) return RENAME_MESSAGES.reserved;
  return nameInUse(analysis, scope, name);
}

/** Whether `name` already means something in the scope: a layer, an input, or a layer inside a block use. */
function nameInUse(analysis: Analysis, scope: Scope, name: string): string | undefined {
  const r = resolve(fileNames(analysis), scope, name)[0]!;
  const t = r.target;
  if (t.kind === 'unknown') return undefined;
  if (t.kind === 'layer' && r.to < name.length) return RENAME_MESSAGES.prefixTaken(name, t.item.name!.name);
  if (scope.block !== undefined) return RENAME_MESSAGES.takenInBlock(name, scope.block);
  return t.kind === 'layer' ? RENAME_MESSAGES.taken(name, t.item.index) : RENAME_MESSAGES.reserved;
}
