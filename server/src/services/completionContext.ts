// Where the cursor is, for completion: a layer type, a key of a layer or of the file, a name in
// `inputs`, a `rounding` or parameter value. Text being typed is often not valid YAML or JSON yet,
// so this reads the line before the cursor (and, for block lists, the lines above) and uses the
// syntax tree only for what it reliably has: which layer item an offset is in, at the top level or
// in a block definition (the scope).
import type { Analysis } from '../../../core/src/index';
import type { AstMap } from '../../../core/src/index';
import { LAYERS, own } from '../../../core/src/index';
import { lineStartAt } from './ranges';
import { fileNames, itemAt, lastItemBefore, layersKeyOf, scopeAt, type ItemRef, type Scope } from './scopes';

export type Place =
  | { kind: 'layerType'; bareItem: boolean; scope: Scope }
  | { kind: 'layerKey'; at: ItemRef; present: string[] }
  | { kind: 'inputName'; at: ItemRef }
  | { kind: 'rounding' }
  | { kind: 'inputSize' }
  | { kind: 'paramValue'; at: ItemRef; key: string }
  | { kind: 'topKey'; present: string[] }
  | { kind: 'definitionKey'; present: string[] }
  | { kind: 'none' };

export interface Word {
  /** Start of the replaced text (at the opening quote, if the word has one). */
  start: number;
  /** End of the replaced text (past the closing quote, if any). */
  end: number;
  /** The quote the user opened the word with, or ''. */
  quote: string;
  /** The text before the word ends with ':' and no space: the value needs one. */
  afterColon: boolean;
}

export interface CompletionPlace {
  place: Place;
  word: Word;
}

const WORD = /[A-Za-z0-9_]/;

export function completionPlace(a: Analysis, offset: number): CompletionPlace {
  const text = a.text;
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  if (text[start - 1] === '$') start--; // a block parameter, `$filters`
  let end = offset;
  while (end < text.length && WORD.test(text[end]!)) end++;
  const quote = text[start - 1];
  const quoted = quote === '"' || quote === "'";
  if (quoted) {
    start--;
    if (text[end] === quote) end++;
  }
  const lineStart = lineStartAt(text, start);
  const before = text.slice(lineStart, start);
  const word: Word = { start, end, quote: quoted ? quote : '', afterColon: before.endsWith(':') };
  return { place: a.kind === 'json' ? jsonPlace(a, start, before) : yamlPlace(a, start, before), word };
}

const KEY = String.raw`["']?([A-Za-z_][\w]*)["']?\s*:\s*`;
const VALUE_OF = new RegExp(String.raw`(?:^|[\s{,])${KEY}$`);
const FLOW_INPUTS = new RegExp(String.raw`(?:^|[\s{,])["']?inputs["']?\s*:\s*\[[^\]]*$`);

function yamlPlace(a: Analysis, at: number, before: string): Place {
  if (/(?:^|\s)#/.test(before)) return { kind: 'none' }; // in a comment
  const value = VALUE_OF.exec(before);
  if (value) return valuePlace(a, at, value[1]!, before.length === before.trimStart().length);
  if (FLOW_INPUTS.test(before)) return inputsOf(a, at);
  if (/^\s*-\s*$/.test(before)) {
    const indent = before.indexOf('-');
    const scope = scopeAt(fileNames(a), at);
    // Most lists in a model file are its layers: answer that without walking up every layer.
    if (inLayers(a, scope, at) && indent === layerItemColumn(a, scope)) return { kind: 'layerType', bareItem: true, scope };
    const parent = parentKey(a.text, lineStartAt(a.text, at), indent);
    if (parent === 'inputs') return inputsOf(a, at);
    if (parent === 'layers') return { kind: 'layerType', bareItem: true, scope };
    return { kind: 'none' };
  }
  if (/^\s*$/.test(before)) {
    if (before.length === 0) return topKey(a);
    const key = blockLayerKey(a, at, before.length);
    return key.kind === 'none' ? definitionKey(a, at, before.length) : key;
  }
  if (/[{,]\s*$/.test(before)) return flowKey(a, at);
  return { kind: 'none' };
}

function jsonPlace(a: Analysis, at: number, before: string): Place {
  const value = VALUE_OF.exec(before);
  if (value) return valuePlace(a, at, value[1]!, !itemAt(fileNames(a), at));
  if (FLOW_INPUTS.test(before)) return inputsOf(a, at);
  let i = at - 1;
  while (i >= 0 && /\s/.test(a.text[i]!)) i--;
  const prev = a.text[i];
  if (prev === '{' || prev === ',') return flowKey(a, at);
  if (prev === '[') return inputsOf(a, at);
  return { kind: 'none' };
}

function valuePlace(a: Analysis, at: number, key: string, topLevel: boolean): Place {
  if (key === 'type') return { kind: 'layerType', bareItem: false, scope: scopeAt(fileNames(a), at) };
  if (key === 'inputs') return inputsOf(a, at);
  const names = fileNames(a);
  const layer = itemAt(names, at) ?? (topLevel ? undefined : lastItemBefore(names, at));
  if (key === 'input' && !layer) return { kind: 'inputSize' };
  // The file's `rounding`, or a window layer's own (v2).
  if (key === 'rounding') return !layer || LAYERS.get(layer.item.type?.name ?? '')?.rounding ? { kind: 'rounding' } : { kind: 'none' };
  // A `ref` parameter (crop's `like`) names a layer, as `inputs` does.
  const spec = layer ? LAYERS.get(layer.item.type?.name ?? '') : undefined;
  if (layer && spec && own(spec.params, key)?.kind === 'ref') return { kind: 'inputName', at: layer };
  if (layer) return { kind: 'paramValue', at: layer, key };
  return { kind: 'none' };
}

/** Inside `inputs` of the layer at `at` (or the layer being written there). */
function inputsOf(a: Analysis, at: number): Place {
  const names = fileNames(a);
  const layer = itemAt(names, at) ?? lastItemBefore(names, at);
  return layer ? { kind: 'inputName', at: layer } : { kind: 'none' };
}

/** A key in a block mapping item at column `column`: the layer above, if its keys sit there. */
function blockLayerKey(a: Analysis, at: number, column: number): Place {
  const layer = lastItemBefore(fileNames(a), at);
  const node = layer?.item.node;
  if (!layer || node?.kind !== 'map' || node.flow) return { kind: 'none' };
  const first = node.pairs[0];
  if (!first || first.key.start - lineStartAt(a.text, first.key.start) !== column) return { kind: 'none' };
  if (!inLayers(a, layer.scope, at)) return { kind: 'none' };
  return { kind: 'layerKey', at: layer, present: keysOf(node) };
}

/** After `{` or `,`: a key of the layer's flow mapping (or the file's JSON object). */
function flowKey(a: Analysis, at: number): Place {
  const layer = itemAt(fileNames(a), at);
  const node = layer?.item.node;
  if (layer && node?.kind === 'map') {
    const nested = node.pairs.find((p) => p.value && p.value.kind !== 'scalar' && at > p.value.start && at < p.value.end);
    if (nested) return nested.key.value === 'inputs' ? { kind: 'inputName', at: layer } : { kind: 'none' };
    return { kind: 'layerKey', at: layer, present: keysOf(node) };
  }
  const root = a.model.root;
  if (a.kind === 'json' && root?.kind === 'map' && !root.pairs.some((p) => p.value && at > p.value.start && at < p.value.end)) return topKey(a);
  if (a.kind === 'json') {
    const def = definitionAt(a, at);
    if (def && !def.pairs.some((p) => p.value && p.value.kind !== 'scalar' && at > p.value.start && at < p.value.end)) return { kind: 'definitionKey', present: keysOf(def) };
  }
  return { kind: 'none' };
}

/** A key of a block definition (`params`, `layers`, `inputs`, `output`), on a line at its keys' column. */
function definitionKey(a: Analysis, at: number, column: number): Place {
  const def = definitionAt(a, at);
  const first = def?.pairs[0];
  if (!def || def.flow || !first || first.key.start - lineStartAt(a.text, first.key.start) !== column) return { kind: 'none' };
  return { kind: 'definitionKey', present: keysOf(def) };
}

/** The block definition `at` is in: the last one whose key comes before it, if `at` is before the next top-level key. */
function definitionAt(a: Analysis, at: number): AstMap | undefined {
  const root = a.model.root;
  if (root?.kind !== 'map') return undefined;
  const i = root.pairs.findIndex((p) => p.key.value === 'blocks');
  const next = root.pairs[i + 1];
  if (i < 0 || at < root.pairs[i]!.key.end || (next && at >= next.key.start)) return undefined;
  let def: AstMap | undefined;
  for (const b of fileNames(a).blocks.values()) if (b.keySpan.start < at) def = b.node;
  return def;
}

function topKey(a: Analysis): Place {
  const root = a.model.root;
  return { kind: 'topKey', present: root?.kind === 'map' ? keysOf(root) : [] };
}

function keysOf(map: AstMap): string[] {
  return map.pairs.map((p) => p.key.value).filter((k): k is string => typeof k === 'string');
}

/** Whether `at` comes after the scope's `layers:` key and before the next key beside it. */
function inLayers(a: Analysis, scope: Scope, at: number): boolean {
  const names = fileNames(a);
  const key = layersKeyOf(a, names, scope);
  if (!key || at < key.end) return false;
  const root = a.model.root;
  const map = scope.block === undefined ? root : names.blocks.get(scope.block)?.node;
  const next = map?.kind === 'map' ? map.pairs.find((p) => p.key.start > key.end) : undefined;
  return !next || at < next.key.start;
}

/** The column of the `-` of the scope's first layer item, or -1 where its layers are not a block list. */
function layerItemColumn(a: Analysis, scope: Scope): number {
  const first = scope.items[0];
  if (!first) return -1;
  let i = first.node.start - 1;
  while (i >= 0 && /\s/.test(a.text[i]!)) i--;
  return a.text[i] === '-' ? i - lineStartAt(a.text, i) : -1;
}

/**
 * The key a block list item at column `indent` belongs to: the nearest line above that is less
 * indented (`inputs:` over `  - a`), or an empty `key:` at the same column (a compact list).
 */
function parentKey(text: string, lineStart: number, indent: number): string | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = lineStartAt(text, end);
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const ind = line.length - content.length;
    const key = /^(?:-\s+)?["']?([\w]+)["']?\s*:/.exec(content);
    if (ind < indent) return key?.[1];
    if (ind === indent && !content.startsWith('-')) return key && /:\s*(#.*)?$/.test(content) ? key[1] : undefined;
  }
  return undefined;
}
