// Go to definition: from a name in `inputs` (or a reference-valued parameter) to the layer's `name:`,
// to the layer itself for one known by its index, and to the top-level `input` for the network input.
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toRange } from './ranges';
import { declarationSpan, nameSpan, symbolAt } from './symbols';

export function definition(analysis: Analysis, doc: TextDocument, offset: number): Location | null {
  const hit = symbolAt(analysis, offset);
  if (!hit) return null;
  const span = hit.site.role === 'declaration' ? hit.site.span : declarationSpan(analysis, hit.target);
  return span ? { uri: doc.uri, range: toRange(doc, nameSpan(analysis.text, span)) } : null;
}
