// Names in a model file and where they are written, for definition, references, highlights and
// rename: layer names (scoped to the top level or to one block definition), the network input and a
// block's inputs, block names (declared under `blocks:`, used as a `type`), and block parameters
// (declared under `params:`, used as `$name` and as a key at each use).
import type { Analysis, Span } from '../../../core/src/index';
import { INPUT_NAME } from '../../../core/src/index';
import { allScopes, fileNames, findItem, scopeAt, type BlockSyntax, type FileNames, type Scope, type ScopeItem, type Written } from './scopes';

/** Where a name is written: the whole scalar (quotes included) and the part of its text that is the name. */
export interface Site {
  span: Span;
  role: 'declaration' | 'reference';
  /** The scalar's text. */
  value: string;
  /** The name's place in `value` (all of it, but for `$name` and `layer1.0.conv1`-style names). */
  from: number;
  to: number;
}

export type Target =
  | { kind: 'layer'; scope: Scope; item: ScopeItem }
  | { kind: 'input'; scope: Scope; name: string; span?: Span }
  | { kind: 'block'; block: BlockSyntax }
  | { kind: 'param'; block: BlockSyntax; name: string }
  | { kind: 'unknown'; scope: Scope };

export interface SymbolHit {
  /** The name itself (without `$`, or the part of a longer name). */
  name: string;
  site: Site;
  target: Target;
}

/** The name under `offset` (ends inclusive: a cursor just after a word is on it), if any. */
export function symbolAt(a: Analysis, offset: number): SymbolHit | undefined {
  const names = fileNames(a);
  for (const b of names.blocks.values()) {
    if (within(b.keySpan, offset)) return hitOf(whole(b.name, b.keySpan, 'declaration'), { kind: 'block', block: b });
  }
  const scope = scopeAt(names, offset);
  const block = scope.block === undefined ? undefined : names.blocks.get(scope.block);
  if (block) {
    const inBlock = blockHit(a.text, names, block, offset);
    if (inBlock) return inBlock;
  }
  for (const item of scope.items) {
    const hit = itemHit(a.text, names, scope, item, offset);
    if (hit) return hit;
  }
  return undefined;
}

/** Every site of the hit's symbol in the file, in text order. */
export function sitesOf(a: Analysis, hit: SymbolHit): Site[] {
  const names = fileNames(a);
  const t = hit.target;
  switch (t.kind) {
    case 'layer':
      return sorted([...(t.item.name ? [whole(t.item.name.name, t.item.name.span, 'declaration')] : []), ...refsTo(names, t)]);
    case 'input': {
      const decl = t.span ?? (t.scope.block === undefined ? networkInputKey(a) : undefined);
      return sorted([...(decl ? [whole(t.name, decl, 'declaration')] : []), ...refsTo(names, t)]);
    }
    case 'block': {
      const sites = [whole(t.block.name, t.block.keySpan, 'declaration')];
      for (const s of allScopes(names)) for (const it of s.items) if (it.type?.name === t.block.name) sites.push(whole(it.type.name, it.type.span, 'reference'));
      return sorted(sites);
    }
    case 'param':
      return sorted(paramSites(names, t.block, t.name));
    case 'unknown':
      // A second layer with a taken name declares nothing others can reach: it is its own symbol.
      if (hit.site.role === 'declaration') return [hit.site];
      return sorted(allRefs(t.scope).filter((w) => w.name === hit.site.value).map((w) => whole(w.name, w.span, 'reference')));
  }
}

/** Where the target is declared, for go to definition (a layer known by its index: its item). */
export function declarationOf(a: Analysis, t: Target): Span | undefined {
  switch (t.kind) {
    case 'layer':
      return t.item.name?.span ?? t.item.type?.span ?? t.item.node;
    case 'input':
      return t.span ?? (t.scope.block === undefined ? networkInputKey(a) : undefined);
    case 'block':
      return t.block.keySpan;
    case 'param':
      return t.block.params.find((p) => p.name === t.name)?.span;
    case 'unknown':
      return undefined;
  }
}

/** One part of a name and what it refers to: `layer1.0.conv1` is the use `layer1`, then `conv1` in its block. */
export interface Segment {
  target: Target;
  from: number;
  to: number;
}

/**
 * What `name`, written in `scope`, refers to, part by part: an input or a layer of the scope; or a block
 * use whose name starts it (`layer1` in `layer1.0.conv1`; the longest wins, `layer2.0` over `layer2`),
 * then, past the copy number of a repeated use, a name inside that block, and so on down.
 * Each step eats at least two characters, so a block that contains itself cannot loop.
 */
export function resolve(names: FileNames, scope: Scope, name: string, at = 0, outside = false): Segment[] {
  const all = { from: at, to: at + name.length };
  const input = outside ? undefined : scope.inputs.find((i) => i.name === name);
  if (input) return [{ target: inputTarget(scope, input), ...all }];
  const item = findItem(scope, name);
  if (item) return [{ target: { kind: 'layer', scope, item }, ...all }];
  const use = useOwning(names, scope, name);
  if (!use) return [{ target: { kind: 'unknown', scope }, ...all }];
  const useName = use.name!.name;
  const head: Segment = { target: { kind: 'layer', scope, item: use }, from: at, to: at + useName.length };
  let rest = name.slice(useName.length + 1);
  let restAt = at + useName.length + 1;
  if (use.keys.some((k) => k.name === 'repeat')) {
    const copy = /^(\d+)(?:\.|$)/.exec(rest);
    if (!copy) return [head];
    rest = rest.slice(copy[0].length);
    restAt += copy[0].length;
    if (rest === '') return [head]; // `layer1.1`: a copy's output
  }
  const block = names.blocks.get(use.type!.name)!;
  return [head, ...resolve(names, block.scope, rest, restAt, true)];
}

/** The block use whose name starts `name` followed by a dot; the longest such name wins. */
function useOwning(names: FileNames, scope: Scope, name: string): ScopeItem | undefined {
  let best: ScopeItem | undefined;
  for (const it of scope.items) {
    const n = it.name?.name;
    if (!n || !it.type || !names.blocks.has(it.type.name) || !name.startsWith(`${n}.`)) continue;
    if (!best || n.length > best.name!.name.length) best = it;
  }
  return best;
}

function blockHit(text: string, names: FileNames, b: BlockSyntax, offset: number): SymbolHit | undefined {
  for (const p of b.params) if (within(p.span, offset)) return hitOf(whole(p.name, p.span, 'declaration'), { kind: 'param', block: b, name: p.name });
  for (const d of b.dollars) if (within(d.span, offset)) return hitOf(dollarSite(d), { kind: 'param', block: b, name: d.name });
  for (const i of b.scope.inputs) if (i.span && within(i.span, offset)) return hitOf(whole(i.name, i.span, 'declaration'), inputTarget(b.scope, i));
  const out = b.scope.output;
  return out && within(out.span, offset) ? refHit(text, names, b.scope, out, offset) : undefined;
}

function itemHit(text: string, names: FileNames, scope: Scope, item: ScopeItem, offset: number): SymbolHit | undefined {
  if (item.name && within(item.name.span, offset)) {
    const first = findItem(scope, item.name.name) === item && !scope.inputs.some((i) => i.name === item.name!.name);
    return hitOf(whole(item.name.name, item.name.span, 'declaration'), first ? { kind: 'layer', scope, item } : { kind: 'unknown', scope });
  }
  const block = item.type ? names.blocks.get(item.type.name) : undefined;
  if (item.type && within(item.type.span, offset)) return block ? hitOf(whole(item.type.name, item.type.span, 'reference'), { kind: 'block', block }) : undefined;
  for (const ref of item.refs) {
    if (within(ref.span, offset)) return refHit(text, names, scope, ref, offset);
  }
  if (block) {
    for (const k of item.keys) {
      if (within(k.span, offset) && block.params.some((p) => p.name === k.name)) return hitOf(whole(k.name, k.span, 'reference'), { kind: 'param', block, name: k.name });
    }
  }
  return undefined;
}

/** The part of a reference under the cursor (the last part where the text has quotes' escapes). */
function refHit(text: string, names: FileNames, scope: Scope, ref: Written, offset: number): SymbolHit {
  const segs = resolve(names, scope, ref.name);
  const whole: Site = { span: ref.span, role: 'reference', value: ref.name, from: 0, to: ref.name.length };
  const inner = nameSpan(text, whole);
  const exact = inner.end - inner.start === ref.name.length;
  const seg = segs.find((s) => exact && offset <= inner.start + s.to) ?? segs[segs.length - 1]!;
  const site = { ...whole, from: seg.from, to: seg.to };
  return { name: ref.name.slice(seg.from, seg.to), site, target: seg.target };
}

/** The references anywhere in the file with a part that resolves to the target (a layer or an input). */
function refsTo(names: FileNames, t: Target): Site[] {
  const out: Site[] = [];
  for (const scope of allScopes(names)) {
    for (const ref of allRefs(scope)) {
      for (const seg of resolve(names, scope, ref.name)) {
        if (sameTarget(seg.target, t)) out.push({ span: ref.span, role: 'reference', value: ref.name, from: seg.from, to: seg.to });
      }
    }
  }
  return out;
}

function sameTarget(x: Target, y: Target): boolean {
  if (x.kind === 'layer' && y.kind === 'layer') return x.item === y.item;
  if (x.kind === 'input' && y.kind === 'input') return x.scope === y.scope && x.name === y.name;
  return false;
}

/** A block parameter's key under `params`, its `$name` values, and the key at every use of the block. */
function paramSites(names: FileNames, b: BlockSyntax, name: string): Site[] {
  const sites: Site[] = [];
  const decl = b.params.find((p) => p.name === name);
  if (decl) sites.push(whole(name, decl.span, 'declaration'));
  for (const d of b.dollars) if (d.name === name) sites.push(dollarSite(d));
  for (const s of allScopes(names)) {
    for (const it of s.items) {
      if (it.type?.name !== b.name) continue;
      for (const k of it.keys) if (k.name === name) sites.push(whole(name, k.span, 'reference'));
    }
  }
  return sites;
}

function allRefs(scope: Scope): Written[] {
  const refs = scope.items.flatMap((it) => it.refs);
  return scope.output ? [...refs, scope.output] : refs;
}

function inputTarget(scope: Scope, i: { name: string; span?: Span }): Target {
  return i.span ? { kind: 'input', scope, name: i.name, span: i.span } : { kind: 'input', scope, name: i.name };
}

function networkInputKey(a: Analysis): Span | undefined {
  const root = a.model.root;
  return root?.kind === 'map' ? root.pairs.find((p) => p.key.value === INPUT_NAME)?.key : undefined;
}

function whole(value: string, span: Span, role: Site['role']): Site {
  return { span, role, value, from: 0, to: value.length };
}

function dollarSite(d: Written): Site {
  return { span: d.span, role: 'reference', value: `$${d.name}`, from: 1, to: 1 + d.name.length };
}

function hitOf(site: Site, target: Target): SymbolHit {
  return { name: site.value.slice(site.from, site.to), site, target };
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** In text order, once each: YAML aliases can make two sites one span, and an edit must not be made twice. */
function sorted(sites: Site[]): Site[] {
  const seen = new Set<number>();
  return sites
    .sort((x, y) => x.span.start - y.span.start)
    .filter((s) => {
      if (seen.has(s.span.start)) return false;
      seen.add(s.span.start);
      return true;
    });
}

/** The span of the name inside the scalar: without quotes, and only the name's part of a longer text (where the text is written without escapes). */
export function nameSpan(text: string, site: Site): Span {
  const q = text[site.span.start];
  const quoted = site.span.end - site.span.start >= 2 && (q === '"' || q === "'") && text[site.span.end - 1] === q;
  const inner = quoted ? { start: site.span.start + 1, end: site.span.end - 1 } : site.span;
  if (text.slice(inner.start, inner.end) !== site.value) return inner;
  return { start: inner.start + site.from, end: inner.start + site.to };
}
