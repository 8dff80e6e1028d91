// Format v2 blocks: a layer whose `type` is a block's name is replaced here by the block's layers,
// once per copy (`repeat`), with full names (`layer1.0.conv1`), `$name` values substituted and the
// block's references renamed, so that shape inference, the runner and the CLI see one flat list of
// every layer that runs. Bounded: at most MAX_REPEAT copies a use and MAX_EXPANDED layers in all.
import type { CoreDiagnostic } from '../diagnostics/diagnostic';
import { describeNode, type AstMap, type AstNode, type AstPair, type Span } from '../syntax/ast';
import { changeTo, clauseThen, didYouMean, sentences, suggest } from '../text/suggest';
import { t } from '../i18n/t';
import { localizedTable } from '../text/localized';
import { isOwnKey } from '../text/own';
import { DOLLAR, isLocalName, type Definitions } from './blockDefinitions';
import type { BlockCopy, BlockDefinition, BlockUse, BlocksInfo, InputRef, LayerDecl } from './types';
import { checkInt } from './values';

export const MAX_REPEAT = 10_000;
export const MAX_EXPANDED = 1_000_000;
/** Blocks nested deeper than this are counted as one layer when sizing a use (definitions nest a few levels). */
const MAX_SIZE_DEPTH = 100;
/** The largest `first`: copy numbers stay short and exact. */
const MAX_FIRST = 1_000_000_000;
const INPUT_NAME = 'input';

/** The numeric values among a use's parameters. */
function numbersOf(env: ReadonlyMap<string, Substituted>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of env) if (v.node.kind === 'scalar' && typeof v.node.value === 'number') out.set(k, v.node.value);
  return out;
}

/** What a use may carry besides the block's parameters. */
export const USE_KEYS: Record<string, string> = localizedTable({
  type: 'keys.useType',
  name: 'keys.useName',
  inputs: 'keys.useInputs',
  repeat: 'keys.useRepeat',
  first: 'keys.useFirst',
});

/** A value after `$name` substitution; `from` is where a substituted value was written (the use, or a default). */
export interface Substituted {
  node: AstNode;
  from?: AstNode;
}

/** How the reader reads a layer that is not at the top level of a file without blocks. */
export interface InnerLayer {
  /** '' at the top level; inside a block, the copy's full name and a dot. */
  prefix: string;
  /** The layer's index in its list: the name of a layer without one. */
  local: number;
  block?: BlockCopy;
  /** `$name` substitution (inside a block); null for a `$name` already reported as unknown. */
  subst?: (node: AstNode) => Substituted | null;
  /** Renames a block-local reference to a full name (inside a block). */
  rename?: (name: string, span: Span) => InputRef;
}

/** What the expander needs from the model reader. */
export interface LayerSource {
  readLayer(node: AstNode, index: number, inner: InnerLayer): LayerDecl;
  keyed(map: AstMap): readonly AstPair[];
  report(d: CoreDiagnostic): void;
}

/** Diagnostics about a use written inside a definition, by the copy of the enclosing block they arose in. */
const diagnosticCopy = new WeakMap<CoreDiagnostic, BlockCopy>();
export function copyOfDiagnostic(d: CoreDiagnostic): BlockCopy | undefined {
  return diagnosticCopy.get(d);
}

interface Scope {
  prefix: string;
  local: number;
  outer?: BlockCopy;
  subst?: (node: AstNode) => Substituted | null;
  rename: (name: string, span: Span) => InputRef;
  /** The input of a use without `inputs`: the layer before. */
  before: InputRef;
}

interface UseItem {
  def: BlockDefinition;
  typeSpan: Span;
  map?: AstMap;
}

/** Expands the top-level `layers` into `out`; returns the blocks' information for the model. */
export function expandLayers(items: readonly AstNode[], defs: Definitions, src: LayerSource, out: LayerDecl[]): BlocksInfo {
  const info: BlocksInfo = { definitions: defs.defs, uses: [], aliases: new Map(), copiesOf: new Map() };
  for (const d of defs.defs.values()) info.copiesOf.set(d.name, d.layers.map(() => []));
  new Expander(defs, src, out, info).top(items);
  return info;
}

class Expander {
  /** Every name a later use may take so far: layer ids and aliases. */
  private readonly known = new Set<string>();
  private exhausted = false;

  constructor(
    private readonly defs: Definitions,
    private readonly src: LayerSource,
    private readonly layers: LayerDecl[],
    private readonly info: BlocksInfo,
  ) {}

  top(items: readonly AstNode[]): void {
    const rename = (name: string, span: Span): InputRef => {
      if (name === INPUT_NAME || this.known.has(name)) return { name, span };
      this.src.report({ severity: 'error', code: 'unknown-reference', message: clauseThen(t('blocks.unknownAbove', { name }), didYouMean(name, [...this.known].filter((n) => !/^\d+$/.test(n)))), span: { start: span.start, end: span.end } });
      return { name, span, unresolved: true };
    };
    let before: InputRef = { name: INPUT_NAME, span: { start: 0, end: 0 } };
    let afterUse = false;
    for (let i = 0; i < items.length; i++) {
      const node = items[i]!;
      const use = this.useOf(node);
      if (use) {
        const r = this.use(use, node, { prefix: '', local: i, rename, before });
        before = { name: r.id, span: node };
        afterUse = true;
        continue;
      }
      const d = this.src.readLayer(node, this.layers.length, { prefix: '', local: i });
      if (afterUse && !d.inputs) d.after = before.name;
      this.push(d);
      before = { name: d.id, span: node };
      afterUse = false;
    }
  }

  /** A copy name (`N.<i>`) that is already a layer's or a use's name. */
  private takenCopyName(id: string, repeated: boolean, first: number, repeat: number): string | undefined {
    if (!repeated) return undefined;
    for (let c = 0; c < repeat; c++) if (this.known.has(`${id}.${first + c}`)) return `${id}.${first + c}`;
    return undefined;
  }

  private push(d: LayerDecl): void {
    // Full names made of dotted parts can meet (`a` + `0.c`, `a.0` + `c`); named layers are checked by inference.
    if (!d.name && d.block && this.known.has(d.id)) {
      this.src.report({ severity: 'error', code: 'duplicate-name', message: t('blocks.fullNameTaken', { name: d.id }), span: { start: d.typeSpan.start, end: d.typeSpan.end }, layerIndex: d.index });
    }
    this.layers.push(d);
    this.known.add(d.id);
  }

  private useOf(node: AstNode): UseItem | undefined {
    if (node.kind === 'scalar') {
      const def = typeof node.value === 'string' ? this.defs.defs.get(node.value) : undefined;
      return def ? { def, typeSpan: node } : undefined;
    }
    if (node.kind !== 'map') return undefined;
    const t = node.pairs.find((p) => p.key.value === 'type')?.value;
    const def = t?.kind === 'scalar' && typeof t.value === 'string' ? this.defs.defs.get(t.value) : undefined;
    return def && t ? { def, typeSpan: t, map: node } : undefined;
  }

  private report(d: CoreDiagnostic, scope: Scope): void {
    if (scope.outer) diagnosticCopy.set(d, scope.outer);
    this.src.report(d);
  }

  /** Expands one use (all its copies); returns the name and index of its output. */
  private use(u: UseItem, node: AstNode, scope: Scope): { id: string; index: number } {
    const { def, typeSpan } = u;
    const err = (code: CoreDiagnostic['code'], message: string, span: Span, severity: CoreDiagnostic['severity'] = 'error', extra?: Partial<CoreDiagnostic>) =>
      this.report({ severity, code, message, span: { start: span.start, end: span.end }, ...extra }, scope);
    const pairs = u.map ? this.src.keyed(u.map) : [];
    const get = (k: string) => pairs.find((p) => p.key.value === k);
    let ok = true;

    const nameNode = get('name')?.value;
    let id = scope.prefix + String(scope.local);
    if (nameNode?.kind === 'scalar' && typeof nameNode.value === 'string' && nameNode.value.trim() !== '') {
      id = scope.prefix + nameNode.value;
      if (this.known.has(id)) {
        err('duplicate-name', t('blocks.nameTaken', { name: id }), nameNode);
        ok = false;
      }
    } else if (nameNode) err('wrong-type', t('model.nameNotText', { found: describeNode(nameNode) }), nameNode);

    const inputs = this.useInputs(def, get('inputs'), typeSpan, scope, err);
    if (!inputs) ok = false;
    const repeat = this.count('repeat', get('repeat'), 1, MAX_REPEAT, scope, err);
    const first = this.count('first', get('first'), 0, MAX_FIRST, scope, err);
    if (repeat === null || first === null) ok = false;
    if (get('first') && !get('repeat')) err('unused-parameter', t('blocks.firstWithoutRepeat'), get('first')!.key, 'warning', { tags: ['unnecessary'] });
    const env = this.useParams(def, pairs, typeSpan, scope, err);
    if (!env) ok = false;
    if (def.cyclic) {
      err('cycle', t('blocks.cyclicUse', { block: def.name }), typeSpan);
      ok = false;
    }
    const r = repeat ?? 1;
    const room = MAX_EXPANDED - this.layers.length;
    const size = env ? this.sizeWith(def, numbersOf(env), Math.floor(room / r)) : 1;
    const need = r * size;
    if (ok && need > room) {
      const cut = size > Math.floor(room / r); // counting stopped: the true size is larger still
      // Grouped as in English in every language: numbers are never locale-formatted.
      const total = cut ? t('blocks.moreThan', { count: room.toLocaleString('en-US') }) : need.toLocaleString('en-US');
      const each = cut ? t('blocks.moreThan', { count: Math.floor(room / r).toLocaleString('en-US') }) : size.toLocaleString('en-US');
      err('out-of-range', t('blocks.tooManyLayers', { total, repeat: r, each, max: MAX_EXPANDED.toLocaleString('en-US') }), get('repeat')?.value ?? typeSpan);
      ok = false;
    }
    const taken = ok && repeat !== null && first !== null ? this.takenCopyName(id, get('repeat') !== undefined, first, repeat) : undefined;
    if (taken) {
      err('duplicate-name', t('blocks.copyNameTaken', { name: taken }), nameNode ?? typeSpan);
      ok = false;
    }
    const site: BlockUse = { id, definition: def.name, span: node, typeSpan, copies: [] };
    if (scope.outer) site.outer = scope.outer;
    this.info.uses.push(site);
    if (!ok || !inputs || !env || this.exhausted) return this.placeholder(id, def, node, typeSpan, scope, inputs);

    const repeated = get('repeat') !== undefined;
    let chained = inputs;
    let output = -1;
    for (let c = 0; c < r && !this.exhausted; c++) {
      const n = (first ?? 0) + c;
      const copy: BlockCopy = { use: repeated ? `${id}.${n}` : id, useSpan: typeSpan, copy: repeated ? n : 0, definition: def.name, repeated };
      if (scope.outer) copy.outer = scope.outer;
      const start = this.layers.length;
      output = this.copy(def, copy, chained, env);
      site.copies.push({ copy, first: start, end: this.layers.length, output });
      if (repeated) this.alias(copy.use, output);
      chained = [{ name: copy.use, span: typeSpan }, ...inputs.slice(1)];
    }
    this.alias(id, output);
    return { id, index: output };
  }

  /** A use that cannot be expanded stays one layer without a shape, so that later layers can still name it. */
  private placeholder(id: string, def: BlockDefinition, node: AstNode, typeSpan: Span, scope: Scope, inputs: InputRef[] | undefined): { id: string; index: number } {
    const d: LayerDecl = { index: this.layers.length, type: def.name, typeSpan, span: node, id, params: new Map(), values: {}, usable: false };
    if (scope.outer) d.block = scope.outer;
    // Its inputs still count as used; with no block type it gets no shape and no further errors.
    if (inputs?.length) d.inputs = inputs;
    else if (scope.before.name) d.after = scope.before.name;
    this.push(d);
    return { id, index: d.index };
  }

  private alias(name: string, index: number): void {
    if (index < 0) return;
    if (!this.info.aliases.has(name)) this.info.aliases.set(name, index);
    this.known.add(name);
  }

  private useInputs(def: BlockDefinition, p: AstPair | undefined, typeSpan: Span, scope: Scope, err: (c: CoreDiagnostic['code'], m: string, s: Span) => void): InputRef[] | undefined {
    const names = def.inputs.map((x) => x.name).join(', ');
    if (!p) {
      if (def.inputs.length === 1) return [scope.before];
      err('input-count', t('blocks.listInputs', { block: def.name, count: def.inputs.length, names }), typeSpan);
      return undefined;
    }
    const v = p.value;
    const items = v?.kind === 'seq' ? v.items : v ? [v] : [];
    const refs: InputRef[] = [];
    let ok = true;
    for (const it of items) {
      if (it.kind === 'scalar' && (typeof it.value === 'string' || typeof it.value === 'number')) refs.push(scope.rename(String(it.value), it));
      else {
        err('wrong-type', t('model.inputNotName', { found: describeNode(it) }), it);
        ok = false;
      }
    }
    if (ok && refs.length !== def.inputs.length) {
      err('input-count', t(def.inputs.length > 1 ? 'blocks.inputCountMany' : 'blocks.inputCountOne', { block: def.name, count: def.inputs.length, names, given: refs.length }), v ?? p.key);
      ok = false;
    }
    return ok ? refs : undefined;
  }

  /** `repeat` or `first`: absent → the default; invalid → null (reported). */
  private count(key: string, p: AstPair | undefined, min: number, max: number, scope: Scope, err: (c: CoreDiagnostic['code'], m: string, s: Span) => void): number | null {
    if (!p) return min === 1 ? 1 : 0;
    if (!p.value) {
      err('wrong-type', t('values.noValue', { name: key }), p.key);
      return null;
    }
    const s = scope.subst ? scope.subst(p.value) : { node: p.value };
    if (!s) return null;
    const r = checkInt(key, s.node, min);
    if (!r.ok) {
      err(r.code, r.message, p.value);
      return null;
    }
    if ((r.value as number) > max) {
      err('out-of-range', t('blocks.countTooLarge', { key, value: r.value as number, max: max.toLocaleString('en-US') }), p.value);
      return null;
    }
    return r.value as number;
  }

  /** The block's parameters for this use: given, substituted (nested uses) or defaults; undefined when one is missing. */
  private useParams(def: BlockDefinition, pairs: readonly AstPair[], typeSpan: Span, scope: Scope, err: (c: CoreDiagnostic['code'], m: string, s: Span, sev?: CoreDiagnostic['severity'], extra?: Partial<CoreDiagnostic>) => void): Map<string, Substituted> | undefined {
    const env = new Map<string, Substituted>();
    const declared = def.params.map((p) => p.name);
    let ok = true;
    for (const p of pairs) {
      const k = p.key.value as string;
      if (isOwnKey(USE_KEYS, k)) continue;
      if (!declared.includes(k)) {
        const known = [...declared, ...Object.keys(USE_KEYS)];
        const s = suggest(k, known);
        err('unknown-parameter', sentences(t('blocks.useNoParameter', { block: def.name, name: k }), didYouMean(k, known), s.length ? '' : declared.length ? t('model.takesParameters', { params: declared.join(', ') }) : t('model.takesNoParameters')), p.key, 'error', {
          fix: { kind: 'replace', span: p.key, suggestions: s.map((x) => ({ text: x, title: changeTo(x) })) },
        });
        continue;
      }
      if (!p.value || (p.value.kind === 'scalar' && p.value.value === null)) {
        err('wrong-type', t('values.noValue', { name: k }), p.key);
        ok = false;
        continue;
      }
      const s = scope.subst ? scope.subst(p.value) : { node: p.value };
      if (!s) ok = false;
      else env.set(k, { node: s.node, from: s.from ?? p.value });
    }
    const missing = def.params.filter((p) => !env.has(p.name) && !pairs.some((q) => q.key.value === p.name));
    for (const p of missing) if (p.default) env.set(p.name, { node: p.default, from: p.default });
    const required = missing.filter((p) => !p.default).map((p) => `\`${p.name}\``);
    if (required.length) {
      err('missing-parameter', t(required.length > 1 ? 'blocks.needsMany' : 'blocks.needsOne', { block: def.name, params: required.reduce((a, b) => t('common.and', { a, b })) }), typeSpan);
      ok = false;
    }
    return ok ? env : undefined;
  }

  /**
   * Layers one copy of `def` makes with these numeric parameter values (so that a nested
   * `repeat: $n` counts as n), without expanding anything; at least 1, and limit + 1 once past `limit`.
   * Each call adds at least one layer before it can recurse again, so the count stops after about
   * `limit` steps whatever the nesting.
   */
  private sizeWith(def: BlockDefinition, nums: ReadonlyMap<string, number>, limit: number, depth = 0): number {
    if (def.cyclic || depth > MAX_SIZE_DEPTH) return 1; // a cycle is reported and never expanded
    let n = 0;
    for (const item of def.layers) {
      const u = this.useOf(item);
      if (!u) n += 1;
      else {
        const r = this.numberOf(u.map?.pairs.find((p) => p.key.value === 'repeat')?.value, nums);
        const reps = r !== undefined && Number.isInteger(r) && r >= 1 ? Math.min(r, MAX_REPEAT) : 1;
        n += reps * this.sizeWith(u.def, this.innerNumbers(u, nums), Math.floor(limit / reps), depth + 1);
      }
      if (n > limit) return limit + 1;
    }
    return Math.max(1, n);
  }

  /** A value as a number: written, or a `$name` among `nums`. */
  private numberOf(v: AstNode | null | undefined, nums: ReadonlyMap<string, number>): number | undefined {
    if (v?.kind !== 'scalar') return undefined;
    if (typeof v.value === 'number') return v.value;
    const m = typeof v.value === 'string' ? DOLLAR.exec(v.value) : null;
    return m ? nums.get(m[1]!) : undefined;
  }

  /** The numeric parameters a nested use passes to its block (given, or the block's defaults). */
  private innerNumbers(u: UseItem, nums: ReadonlyMap<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const p of u.def.params) {
      const given = u.map?.pairs.find((q) => q.key.value === p.name)?.value;
      const v = given ? this.numberOf(given, nums) : this.numberOf(p.default, new Map());
      if (v !== undefined) out.set(p.name, v);
    }
    return out;
  }

  /** One copy of a block; returns the index of its output. */
  private copy(def: BlockDefinition, copy: BlockCopy, inputs: InputRef[], env: Map<string, Substituted>): number {
    const prefix = copy.use + '.';
    const locals = new Map<string, number>();
    const localSet = new Set(def.localNames);
    const rows = this.info.copiesOf.get(def.name)!;
    const bad = this.defs.badDollars;
    const subst = (node: AstNode): Substituted | null => substitute(node, env, bad);
    const rename = (name: string, span: Span): InputRef => {
      const k = def.inputs.findIndex((x) => x.name === name);
      if (k >= 0) {
        const r = inputs[k]!;
        return r.unresolved ? { name: r.name, span, unresolved: true } : { name: r.name, span };
      }
      // Unknown local names were reported once, in the definition.
      return isLocalName(name, localSet) ? { name: prefix + name, span } : { name, span, unresolved: true };
    };
    let before: InputRef = inputs[0]!;
    let last = -1;
    for (let j = 0; j < def.layers.length; j++) {
      if (this.layers.length >= MAX_EXPANDED) {
        this.exhausted = true;
        break;
      }
      const node = def.layers[j]!;
      const local = def.localNames[j]!;
      const u = this.useOf(node);
      let index: number;
      let id: string;
      if (u) {
        const r = this.use(u, node, { prefix, local: j, outer: copy, subst, rename, before });
        index = r.index;
        id = r.id;
      } else {
        const d = this.src.readLayer(node, this.layers.length, { prefix, local: j, block: copy, subst, rename });
        d.blockLayer = j;
        if (!d.inputs) {
          if (before.unresolved) d.inputs = [{ ...before, span: d.typeSpan }];
          else d.after = before.name;
        }
        this.push(d);
        index = d.index;
        id = d.id;
      }
      if (!locals.has(local)) locals.set(local, index);
      rows[j]?.push(index);
      before = { name: id, span: node };
      last = index;
    }
    return def.output ? locals.get(def.output.name) ?? last : last;
  }
}

/** `$name` values (the whole value, or items of a list) replaced by the use's; null for an unknown `$name`. */
function substitute(node: AstNode, env: Map<string, Substituted>, bad: Set<AstNode>): Substituted | null {
  if (node.kind === 'scalar') {
    if (typeof node.value !== 'string' || node.value.charCodeAt(0) !== 36 /* $ */) return { node };
    if (bad.has(node)) return null;
    const m = DOLLAR.exec(node.value);
    const given = m ? env.get(m[1]!) : undefined;
    return given ? { node: given.node, from: given.from ?? given.node } : { node };
  }
  if (node.kind !== 'seq') return { node };
  let items: AstNode[] | undefined;
  let from: AstNode | undefined;
  for (let i = 0; i < node.items.length; i++) {
    const s = substitute(node.items[i]!, env, bad);
    if (!s) return null;
    if (s.node !== node.items[i]) {
      items ??= node.items.slice();
      items[i] = s.node;
      from ??= s.from;
    }
  }
  if (!items) return { node };
  const out: Substituted = { node: { ...node, items } };
  if (from) out.from = from;
  return out;
}
