// Find references and document highlights of a name (a layer, an input, a block, a block parameter):
// where it is declared and every place that refers to it. Ranges cover the name without its quotes.
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toRange } from './ranges';
import { nameSpan, sitesOf, symbolAt } from './symbols';

export function references(analysis: Analysis, doc: TextDocument, offset: number, includeDeclaration: boolean): Location[] {
  const hit = symbolAt(analysis, offset);
  if (!hit) return [];
  return sitesOf(analysis, hit)
    .filter((s) => includeDeclaration || s.role === 'reference')
    .map((s) => ({ uri: doc.uri, range: toRange(doc, nameSpan(analysis.text, s)) }));
}

export function documentHighlights(analysis: Analysis, doc: TextDocument, offset: number): DocumentHighlight[] {
  const hit = symbolAt(analysis, offset);
  if (!hit) return [];
  return sitesOf(analysis, hit).map((s) => ({
    range: toRange(doc, nameSpan(analysis.text, s)),
    kind: s.role === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
