// The outline and breadcrumbs: the file's top-level keys; under `layers` each layer with its output
// shape; under `blocks` each block definition with its layers (their shapes over every use).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Analysis } from '../../../core/src/index';
import type { AstPair, Span } from '../../../core/src/index';
import { toRange, trimmedEnd } from './ranges';
import { runsOf } from './results';
import { fileNames, type BlockSyntax, type Scope, type ScopeItem } from './scopes';
import { copiesLabel, outputsLabel, resultLabel, shapeLabel } from './shapes';

export function documentSymbols(analysis: Analysis, doc: TextDocument): DocumentSymbol[] {
  const root = analysis.model.root;
  if (root?.kind !== 'map') return [];
  const out: DocumentSymbol[] = [];
  for (const pair of root.pairs) {
    if (typeof pair.key.value !== 'string') continue;
    const key = pair.key.value;
    const s = symbol(doc, analysis.text, key, topDetail(analysis, key), key === 'layers' ? SymbolKind.Array : SymbolKind.Property, pairSpan(pair), pair.key);
    const names = fileNames(analysis);
    if (key === 'layers' && pair.value?.kind === 'seq') s.children = names.top.items.map((it) => layerSymbol(analysis, doc, names.top, it));
    if (key === 'blocks' && pair.value?.kind === 'map') s.children = [...names.blocks.values()].map((b) => blockSymbol(analysis, doc, b));
    out.push(s);
  }
  return out;
}

function topDetail(a: Analysis, key: string): string {
  if (key === 'input') return shapeLabel(a.model.input?.value);
  if (key === 'layers') {
    const last = a.layers[a.layers.length - 1];
    const count = a.layers.length;
    if (!last) return count === 1 ? t('lenses.oneLayer') : t('lenses.layers', { count });
    return count === 1 ? t('lenses.oneLayerTo', { shape: resultLabel(last) }) : t('lenses.layersTo', { count, shape: resultLabel(last) });
  }
  if (key === 'rounding') return a.model.rounding.value;
  if (key === 'name') return a.model.name?.value ?? '';
  return '';
}

function layerSymbol(a: Analysis, doc: TextDocument, scope: Scope, it: ScopeItem): DocumentSymbol {
  const type = it.type?.name ?? '';
  const name = it.name?.name ?? (type || t('lenses.layerNumber', { index: it.index }));
  const runs = runsOf(a, scope, it);
  const isUse = fileNames(a).blocks.has(type);
  const detail = `${it.name ? `${type} ` : `#${it.index} `}→ ${isUse && scope.block === undefined ? copiesLabel(runs) : outputsLabel(runs)}`;
  const s = symbol(doc, a.text, name, detail, isUse ? SymbolKind.Module : SymbolKind.Function, it.node, it.name?.span ?? it.type?.span ?? it.node);
  // A use's copies (at the top level: a use inside a block runs once per copy of that block too); a
  // single copy too when it has a name of its own (`repeat: 1, first: 1` gives layer2.1), which
  // diagnostics and the graph use.
  if (isUse && scope.block === undefined && (runs.length > 1 || (runs.length === 1 && runs[0]!.name !== name))) {
    s.children = runs.map((r) => symbol(doc, a.text, r.name, `→ ${resultLabel(r)}`, SymbolKind.Object, it.node, it.name?.span ?? it.type?.span ?? it.node));
  }
  return s;
}

/** A block definition, `block (filters, stride=1)`, with its layers as children. */
function blockSymbol(a: Analysis, doc: TextDocument, b: BlockSyntax): DocumentSymbol {
  const params = b.params.map((p) => (b.defaults.has(p.name) ? `${p.name}=${b.defaults.get(p.name)!}` : p.name));
  const detail = params.length ? t('lenses.blockParams', { params: params.join(', ') }) : t('lenses.block');
  const s = symbol(doc, a.text, b.name, detail, SymbolKind.Class, { start: b.keySpan.start, end: b.node.end }, b.keySpan);
  s.children = b.scope.items.map((it) => layerSymbol(a, doc, b.scope, it));
  return s;
}

function pairSpan(p: AstPair): Span {
  return { start: p.key.start, end: Math.max(p.end, p.value?.end ?? 0, p.key.end) };
}

function symbol(doc: TextDocument, text: string, name: string, detail: string, kind: SymbolKind, span: Span, selection: Span): DocumentSymbol {
  // The selection must lie inside the range; aliases can point elsewhere, so clamp it.
  const range = { start: span.start, end: Math.max(trimmedEnd(text, span), span.start) };
  const sel = selection.start >= range.start && selection.end <= range.end ? selection : { start: range.start, end: range.start };
  const s: DocumentSymbol = { name: name.trim() || '?', kind, range: toRange(doc, range), selectionRange: toRange(doc, sel) };
  if (detail) s.detail = detail;
  return s;
}
