// Where the cursor is, for completion: a layer type, a key of a layer or of the file, a name in
// `inputs`, a `rounding` or parameter value. Text being typed is often not valid YAML or JSON yet,
// so this reads the line before the cursor (and, for block lists, the lines above) and uses the
// syntax tree only for what it reliably has: which layer an offset is in.
import type { Analysis } from '../../../core/src/index';
import type { AstMap } from '../../../core/src/index';
import { LAYERS, own } from '../../../core/src/index';
import { lastLayerStartingBefore, layerAt } from './locate';
import { lineStartAt } from './ranges';

export type Place =
  | { kind: 'layerType'; bareItem: boolean }
  | { kind: 'layerKey'; layerIndex: number; present: string[] }
  | { kind: 'inputName'; layerIndex: number }
  | { kind: 'rounding' }
  | { kind: 'paramValue'; layerIndex: number; key: string }
  | { kind: 'topKey'; present: string[] }
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
    // Most lists in a model file are its layers: answer that without walking up every layer.
    if (inLayers(a, at) && indent === layerItemColumn(a)) return { kind: 'layerType', bareItem: true };
    const parent = parentKey(a.text, lineStartAt(a.text, at), indent);
    if (parent === 'inputs') return inputsOf(a, at);
    if (parent === 'layers') return { kind: 'layerType', bareItem: true };
    return { kind: 'none' };
  }
  if (/^\s*$/.test(before)) {
    if (before.length === 0) return topKey(a);
    return blockLayerKey(a, at, before.length);
  }
  if (/[{,]\s*$/.test(before)) return flowKey(a, at);
  return { kind: 'none' };
}

function jsonPlace(a: Analysis, at: number, before: string): Place {
  const value = VALUE_OF.exec(before);
  if (value) return valuePlace(a, at, value[1]!, false);
  if (FLOW_INPUTS.test(before)) return inputsOf(a, at);
  let i = at - 1;
  while (i >= 0 && /\s/.test(a.text[i]!)) i--;
  const prev = a.text[i];
  if (prev === '{' || prev === ',') return flowKey(a, at);
  if (prev === '[') return inputsOf(a, at);
  return { kind: 'none' };
}

function valuePlace(a: Analysis, at: number, key: string, topLevel: boolean): Place {
  if (key === 'type') return { kind: 'layerType', bareItem: false };
  if (key === 'inputs') return inputsOf(a, at);
  if (key === 'rounding' && (a.kind === 'json' ? !layerAt(a, at) : topLevel)) return { kind: 'rounding' };
  const layer = layerAt(a, at) ?? a.layers[lastLayerStartingBefore(a, at)];
  if (layer && key === 'rounding' && LAYERS.get(layer.decl.type)?.rounding) return { kind: 'rounding' }; // v2: a window layer's own
  // A `ref` parameter (crop's `like`) names a layer, as `inputs` does.
  const spec = layer ? LAYERS.get(layer.decl.type) : undefined;
  if (layer && spec && own(spec.params, key)?.kind === 'ref') return { kind: 'inputName', layerIndex: layer.decl.index };
  if (layer && key !== 'rounding') return { kind: 'paramValue', layerIndex: layer.decl.index, key };
  return { kind: 'none' };
}

/** Inside `inputs` of the layer at `at` (or the layer being written there). */
function inputsOf(a: Analysis, at: number): Place {
  const i = layerAt(a, at)?.decl.index ?? lastLayerStartingBefore(a, at);
  return i >= 0 ? { kind: 'inputName', layerIndex: i } : { kind: 'none' };
}

/** A key in a block mapping item at column `column`: the layer above, if its keys sit there. */
function blockLayerKey(a: Analysis, at: number, column: number): Place {
  const i = lastLayerStartingBefore(a, at);
  const layer = a.layers[i];
  const node = layer?.decl.node;
  if (!layer || !node || node.flow) return { kind: 'none' };
  const first = node.pairs[0];
  if (!first || first.key.start - lineStartAt(a.text, first.key.start) !== column) return { kind: 'none' };
  if (!inLayers(a, at)) return { kind: 'none' };
  return { kind: 'layerKey', layerIndex: i, present: keysOf(node) };
}

/** After `{` or `,`: a key of the layer's flow mapping (or the file's JSON object). */
function flowKey(a: Analysis, at: number): Place {
  const layer = layerAt(a, at);
  const node = layer?.decl.node;
  if (layer && node) {
    const nested = node.pairs.find((p) => p.value && p.value.kind !== 'scalar' && at > p.value.start && at < p.value.end);
    if (nested) return nested.key.value === 'inputs' ? { kind: 'inputName', layerIndex: layer.decl.index } : { kind: 'none' };
    return { kind: 'layerKey', layerIndex: layer.decl.index, present: keysOf(node) };
  }
  const root = a.model.root;
  if (a.kind === 'json' && root?.kind === 'map' && !root.pairs.some((p) => p.value && at > p.value.start && at < p.value.end)) return topKey(a);
  return { kind: 'none' };
}

function topKey(a: Analysis): Place {
  const root = a.model.root;
  return { kind: 'topKey', present: root?.kind === 'map' ? keysOf(root) : [] };
}

function keysOf(map: AstMap): string[] {
  return map.pairs.map((p) => p.key.value).filter((k): k is string => typeof k === 'string');
}

/** Whether `at` comes after the `layers:` key and before the next top-level key. */
function inLayers(a: Analysis, at: number): boolean {
  const key = a.model.layersKeySpan;
  if (!key || at < key.end) return false;
  const root = a.model.root;
  const next = root?.kind === 'map' ? root.pairs.find((p) => p.key.start > key.end) : undefined;
  return !next || at < next.key.start;
}

/** The column of the `-` of the first layer item, or -1 where the layers are not a block list. */
function layerItemColumn(a: Analysis): number {
  const first = a.layers[0];
  if (!first) return -1;
  let i = first.decl.span.start - 1;
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
