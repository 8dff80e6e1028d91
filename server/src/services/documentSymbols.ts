// The outline and breadcrumbs: the file's top-level keys, and under `layers` each layer with its
// output shape.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';
import type { AstPair, Span } from '../../../core/src/index';
import { toRange, trimmedEnd } from './ranges';
import { resultLabel, shapeLabel } from './shapes';

export function documentSymbols(analysis: Analysis, doc: TextDocument): DocumentSymbol[] {
  const root = analysis.model.root;
  if (root?.kind !== 'map') return [];
  const out: DocumentSymbol[] = [];
  for (const pair of root.pairs) {
    if (typeof pair.key.value !== 'string') continue;
    const key = pair.key.value;
    const s = symbol(doc, analysis.text, key, topDetail(analysis, key), key === 'layers' ? SymbolKind.Array : SymbolKind.Property, pairSpan(pair), pair.key);
    if (key === 'layers' && pair.value?.kind === 'seq') s.children = analysis.layers.map((r) => layerSymbol(analysis, doc, r));
    out.push(s);
  }
  return out;
}

function topDetail(a: Analysis, key: string): string {
  if (key === 'input') return shapeLabel(a.model.input?.value);
  if (key === 'layers') {
    const last = a.layers[a.layers.length - 1];
    return `${a.layers.length} layer${a.layers.length === 1 ? '' : 's'}${last ? ` → ${resultLabel(last)}` : ''}`;
  }
  if (key === 'rounding') return a.model.rounding.value;
  if (key === 'name') return a.model.name?.value ?? '';
  return '';
}

function layerSymbol(a: Analysis, doc: TextDocument, r: LayerResult): DocumentSymbol {
  const d = r.decl;
  const name = d.name?.value ?? (d.type || `layer ${d.index}`);
  const detail = `${d.name ? `${d.type} ` : `#${d.index} `}→ ${resultLabel(r)}`;
  return symbol(doc, a.text, name, detail, SymbolKind.Function, d.span, d.name?.span ?? d.typeSpan);
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
