// The names of a model file as written, read from the syntax tree: the top-level `layers` and each
// block definition under `blocks:` are scopes, each with its layers' names, the names they refer to
// (`inputs`, reference-valued parameters, a block's `output`) and their `type` values. Read from the
// text rather than from the expanded model, where a block's layers appear once per copy.
import type { Analysis, AstMap, AstNode, Span } from '../../../core/src/index';
import { INPUT_NAME, LAYERS, own } from '../../../core/src/index';

export interface Written {
  name: string;
  /** The scalar, quotes included. */
  span: Span;
}

export interface ItemParts {
  name?: Written;
  type?: Written;
  /** Names this layer refers to. */
  refs: Written[];
  /** The keys written on it (a block use's parameters among them). */
  keys: Written[];
}

/**
 * A layer item as written. Its parts are read on first use: a request about a few layers of a
 * 20,000-layer file should not read them all.
 */
export class ScopeItem {
  private parts?: ItemParts;

  constructor(
    /** The index in its `layers` list: the name of a layer without one. */
    readonly index: number,
    readonly node: AstNode,
  ) {}

  private get read(): ItemParts {
    return (this.parts ??= readItem(this.node));
  }

  get name(): Written | undefined {
    return this.read.name;
  }

  get type(): Written | undefined {
    return this.read.type;
  }

  get refs(): Written[] {
    return this.read.refs;
  }

  get keys(): Written[] {
    return this.read.keys;
  }
}

export interface Scope {
  /** The block's name, or undefined for the file's own `layers`. */
  block?: string;
  items: ScopeItem[];
  /** The names of the scope's inputs: `input` at the top; a block's `inputs` (span absent for the default). */
  inputs: Array<{ name: string; span?: Span }>;
  /** A block's `output`. */
  output?: Written;
}

export interface BlockSyntax {
  name: string;
  keySpan: Span;
  node: AstMap;
  params: Written[];
  /** Each parameter's default as written; a required one has none. */
  defaults: Map<string, string>;
  /** Values written exactly `$name` in its layers. */
  dollars: Written[];
  scope: Scope;
}

export interface FileNames {
  top: Scope;
  blocks: Map<string, BlockSyntax>;
}

const cache = new WeakMap<Analysis, FileNames>();

/** The file's scopes (computed once per analysis). */
export function fileNames(a: Analysis): FileNames {
  let n = cache.get(a);
  if (!n) {
    n = readNames(a);
    cache.set(a, n);
  }
  return n;
}

/** A value written exactly `$name`. */
export const DOLLAR = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

function readNames(a: Analysis): FileNames {
  const root = a.model.root;
  const blocks = new Map<string, BlockSyntax>();
  const top: Scope = { items: [], inputs: [{ name: INPUT_NAME }] };
  if (root?.kind !== 'map') return { top, blocks };
  const layers = pairValue(root, 'layers');
  if (layers?.kind === 'seq') top.items = layers.items.map((n, i) => new ScopeItem(i, n));
  const defs = pairValue(root, 'blocks');
  if (defs?.kind === 'map') {
    for (const p of defs.pairs) {
      const name = p.key.value;
      if (typeof name !== 'string' || blocks.has(name) || p.value?.kind !== 'map') continue;
      blocks.set(name, readBlock(a.text, name, p.key, p.value));
    }
  }
  return { top, blocks };
}

function readBlock(text: string, name: string, keySpan: Span, node: AstMap): BlockSyntax {
  const scope: Scope = { block: name, items: [], inputs: [] };
  const layers = pairValue(node, 'layers');
  if (layers?.kind === 'seq') scope.items = layers.items.map((n, i) => new ScopeItem(i, n));
  const inputs = pairValue(node, 'inputs');
  for (const it of inputs?.kind === 'seq' ? inputs.items : inputs ? [inputs] : []) {
    const w = scalarText(it);
    if (w) scope.inputs.push(w);
  }
  if (scope.inputs.length === 0) scope.inputs.push({ name: INPUT_NAME });
  const output = pairValue(node, 'output');
  const o = output ? scalarText(output) : undefined;
  if (o) scope.output = o;
  const params = pairValue(node, 'params');
  const declared: Written[] = [];
  const defaults = new Map<string, string>();
  if (params?.kind === 'map') {
    for (const p of params.pairs) {
      if (typeof p.key.value !== 'string') continue;
      declared.push({ name: p.key.value, span: p.key });
      const v = p.value;
      if (v && !(v.kind === 'scalar' && v.value === null)) defaults.set(p.key.value, text.slice(v.start, v.end).trim());
    }
  }
  const dollars: Written[] = [];
  if (layers) collectDollars(layers, dollars);
  return { name, keySpan, node, params: declared, defaults, dollars, scope };
}

function readItem(node: AstNode): ItemParts {
  const item: ItemParts = { refs: [], keys: [] };
  if (node.kind === 'scalar') {
    const t = scalarText(node);
    if (t) item.type = t;
    return item;
  }
  if (node.kind !== 'map') return item;
  for (const p of node.pairs) {
    if (typeof p.key.value !== 'string') continue;
    const key = p.key.value;
    item.keys.push({ name: key, span: p.key });
    const v = p.value;
    if (!v) continue;
    if (key === 'name') {
      const w = scalarText(v);
      if (w && w.name.trim() !== '') item.name = w;
    } else if (key === 'type') {
      const w = scalarText(v);
      if (w) item.type = w;
    } else if (key === 'inputs') {
      for (const it of v.kind === 'seq' ? v.items : [v]) {
        const w = scalarText(it, true);
        if (w) item.refs.push(w);
      }
    }
  }
  const spec = item.type ? LAYERS.get(item.type.name) : undefined;
  if (spec && node.kind === 'map') {
    for (const p of node.pairs) {
      const k = p.key.value;
      const w = typeof k === 'string' && isReference(own(spec.params, k)?.kind) && p.value ? scalarText(p.value) : undefined;
      if (w && !DOLLAR.test(w.name)) item.refs.push(w);
    }
  }
  return item;
}

/** The layer a name refers to in a scope: the first with that name, else a layer without one at that index. */
export function findItem(scope: Scope, name: string): ScopeItem | undefined {
  for (const it of scope.items) if (it.name?.name === name) return it;
  if (!/^\d+$/.test(name)) return undefined;
  const it = scope.items[Number(name)];
  return it && !it.name ? it : undefined;
}

/** The scope whose text holds `offset`: a block definition, or the top level. */
export function scopeAt(names: FileNames, offset: number): Scope {
  for (const b of names.blocks.values()) if (offset >= b.node.start && offset <= b.node.end) return b.scope;
  return names.top;
}

/** Every scope: the top level first. */
export function allScopes(names: FileNames): Scope[] {
  return [names.top, ...[...names.blocks.values()].map((b) => b.scope)];
}

// The registry's reference kind (crop's `like:`); compared as text so this reads files before it exists.
function isReference(kind: string | undefined): boolean {
  return kind === 'ref';
}

function collectDollars(node: AstNode, out: Written[]): void {
  const stack: AstNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'scalar') {
      if (typeof n.value === 'string' && DOLLAR.test(n.value)) out.push({ name: n.value.slice(1), span: n });
    } else if (n.kind === 'seq') stack.push(...n.items);
    else for (const p of n.pairs) if (p.value) stack.push(p.value);
  }
  out.sort((x, y) => x.span.start - y.span.start);
}

function pairValue(map: AstMap, key: string): AstNode | null | undefined {
  for (const p of map.pairs) if (p.key.value === key) return p.value;
  return undefined;
}

/** A scalar's text (numbers too, for references by index), with its span. */
function scalarText(node: AstNode, numbers = false): Written | undefined {
  if (node.kind !== 'scalar') return undefined;
  const v = node.value;
  if (typeof v === 'string' || (numbers && typeof v === 'number')) return { name: String(v), span: { start: node.start, end: node.end } };
  return undefined;
}

/** A layer as written, and the scope it is written in. */
export interface ItemRef {
  scope: Scope;
  item: ScopeItem;
}

/** The layer item holding `offset` (ends inclusive), in the top-level list or a block's. */
export function itemAt(names: FileNames, offset: number): ItemRef | undefined {
  const r = lastItemBefore(names, offset);
  return r && offset <= r.item.node.end ? r : undefined;
}

/** The last layer item of the scope at `offset` that starts at or before it (items are in text order). */
export function lastItemBefore(names: FileNames, offset: number): ItemRef | undefined {
  const scope = scopeAt(names, offset);
  const items = scope.items;
  let lo = 0;
  let hi = items.length - 1;
  let found: ScopeItem | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.node.start <= offset) {
      found = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? { scope, item: found } : undefined;
}

/** The `layers:` key of a scope: the file's, or the block's. */
export function layersKeyOf(a: Analysis, names: FileNames, scope: Scope): Span | undefined {
  if (scope.block === undefined) return a.model.layersKeySpan;
  const node = names.blocks.get(scope.block)?.node;
  return node?.pairs.find((p) => p.key.value === 'layers')?.key;
}

/** The scope's items that overlap [from, to], found by binary search: a long file costs what is on screen. */
export function itemsIn(scope: Scope, from: number, to: number): ScopeItem[] {
  const items = scope.items;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.node.end < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ScopeItem[] = [];
  for (let i = lo; i < items.length && items[i]!.node.start <= to; i++) out.push(items[i]!);
  return out;
}
