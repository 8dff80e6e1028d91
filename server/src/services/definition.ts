// Go to definition: from a name in `inputs` (or a reference-valued parameter, or a block's `output`)
// to the layer's `name:`; from `input` to the top-level `input:` or the block's `inputs`; from a
// `type` that names a block to its definition; from `$name` or a use's key to the block's parameter.
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { toRange } from './ranges';
import { declarationOf, nameSpan, symbolAt } from './symbols';

export function definition(analysis: Analysis, doc: TextDocument, offset: number): Location | null {
  const hit = symbolAt(analysis, offset);
  if (!hit) return null;
  if (hit.site.role === 'declaration') return { uri: doc.uri, range: toRange(doc, nameSpan(analysis.text, hit.site)) };
  const span = declarationOf(analysis, hit.target);
  if (!span) return null;
  return { uri: doc.uri, range: toRange(doc, nameSpan(analysis.text, { span, role: 'declaration', value: hit.name, from: 0, to: hit.name.length })) };
}
