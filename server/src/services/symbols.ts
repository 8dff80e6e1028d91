// Names in a model file and where they are written: a layer's `name:` (its declaration) and every
// place that refers to it (`inputs`, and any parameter whose kind is a layer reference). Definition,
// references, highlights and rename all start from `symbolAt`.
import type { Analysis, LayerDecl, ParamSpec, Span } from '../../../core/src/index';
import { INPUT_NAME, LAYERS } from '../../../core/src/index';

/** Where a name is written: the whole scalar, quotes included. */
export interface Site {
  span: Span;
  role: 'declaration' | 'reference';
}

/** What a name stands for: a layer (by index), the network input, or nothing known. */
export type Target = { kind: 'layer'; index: number } | { kind: 'input' } | { kind: 'unknown' };

export interface SymbolHit {
  name: string;
  /** The site under the cursor. */
  site: Site;
  target: Target;
}

/** The name under `offset` (ends inclusive: a cursor just after a word is on it), if any. */
export function symbolAt(a: Analysis, offset: number): SymbolHit | undefined {
  for (const decl of layersAround(a, offset)) {
    if (decl.name?.span && within(decl.name.span, offset)) {
      const site: Site = { span: decl.name.span, role: 'declaration' };
      return { name: decl.name.value, site, target: declarationTarget(a, decl) };
    }
    for (const ref of references(decl)) {
      if (within(ref.span, offset)) return { name: ref.name, site: { span: ref.span, role: 'reference' }, target: resolve(a, ref.name) };
    }
  }
  return undefined;
}

/** Every site of the hit's symbol in the file, in text order. */
export function sitesOf(a: Analysis, hit: SymbolHit): Site[] {
  const t = hit.target;
  // A second layer with a taken name declares nothing that others can reach: it is its own symbol.
  if (hit.site.role === 'declaration' && t.kind === 'unknown') return [hit.site];
  const sites: Site[] = [];
  // A layer known only by its index has no name to show or change: its type is not a site.
  const decl = t.kind === 'layer' ? a.model.layers[t.index]?.name?.span : declarationSpan(a, t);
  if (decl) sites.push({ span: decl, role: 'declaration' });
  for (const d of a.model.layers) {
    for (const ref of references(d)) if (ref.name === hit.name) sites.push({ span: ref.span, role: 'reference' });
  }
  return dedupe(sites);
}

/** Where the target is declared: the layer's `name` (or its type, for a layer known by its index), or the top-level `input` key. */
export function declarationSpan(a: Analysis, t: Target): Span | undefined {
  if (t.kind === 'layer') {
    const d = a.model.layers[t.index];
    return d ? (d.name?.span ?? d.typeSpan) : undefined;
  }
  if (t.kind === 'input') {
    const root = a.model.root;
    return root?.kind === 'map' ? root.pairs.find((p) => p.key.value === INPUT_NAME)?.key : undefined;
  }
  return undefined;
}

/** The layer a name refers to, as the checker resolves it: the first layer with that name (or index). */
export function resolve(a: Analysis, name: string): Target {
  if (name === INPUT_NAME) return { kind: 'input' };
  const d = a.model.layers.find((l) => l.id === name);
  return d ? { kind: 'layer', index: d.index } : { kind: 'unknown' };
}

/** The names a layer refers to, with their spans: `inputs` and reference-valued parameters. */
export function references(decl: LayerDecl): Array<{ name: string; span: Span }> {
  const out: Array<{ name: string; span: Span }> = decl.inputs ? [...decl.inputs] : [];
  const spec = LAYERS.get(decl.type);
  if (!spec) return out;
  for (const [key, v] of decl.params) {
    if (v.span && typeof v.value === 'string' && isReference(spec.params[key])) out.push({ name: v.value, span: v.span });
  }
  return out;
}

/** The span without the quotes of a quoted scalar: what the user thinks of as the name. */
export function nameSpan(text: string, span: Span): Span {
  const q = text[span.start];
  if (span.end - span.start >= 2 && (q === '"' || q === "'") && text[span.end - 1] === q) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

// A parameter kind `ref` (e.g. crop's `like:`) names a layer; checked by name so that this file
// works whether or not the registry has such a kind yet.
function isReference(p: ParamSpec | undefined): boolean {
  return (p?.kind as string | undefined) === 'ref';
}

function declarationTarget(a: Analysis, decl: LayerDecl): Target {
  if (decl.name?.value === INPUT_NAME) return { kind: 'unknown' };
  const t = resolve(a, decl.id);
  return t.kind === 'layer' && t.index === decl.index ? t : { kind: 'unknown' };
}

/** The layers whose item may hold `offset`: a name is inside its layer's item. */
function layersAround(a: Analysis, offset: number): LayerDecl[] {
  return a.model.layers.filter((d) => offset >= d.span.start && offset <= d.span.end);
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** YAML aliases can make two sites one span; an edit must not be made twice. */
function dedupe(sites: Site[]): Site[] {
  const seen = new Set<number>();
  const out: Site[] = [];
  for (const s of sites.sort((x, y) => x.span.start - y.span.start)) {
    if (seen.has(s.span.start)) continue;
    seen.add(s.span.start);
    out.push(s);
  }
  return out;
}
