// Inlay hints: `→ 28×28×6` after each layer, only for the layers in the requested range, so a
// 20,000-layer file costs what is on screen.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { firstLayerEndingAfter } from './locate';
import { lineEndAt } from './ranges';
import { shapeLabel } from './shapes';

export function inlayHints(analysis: Analysis, doc: TextDocument, range: Range): InlayHint[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const layers = analysis.layers;
  for (let i = firstLayerEndingAfter(analysis, from); i < layers.length; i++) {
    const r = layers[i]!;
    if (r.decl.span.start > to) break;
    if (!r.output || r.estimated) continue; // an estimate after an error is shown in the hover only
    const at = hintOffset(analysis, i);
    if (at < from || at > to) continue;
    hints.push({ position: doc.positionAt(at), label: `→ ${shapeLabel(r.output)}`, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}

/**
 * The end of the line with the layer's type, where the eye looks for a result; on a line shared
 * with the next layer (`[relu, relu]`, one-line JSON) right after the layer instead.
 */
function hintOffset(analysis: Analysis, i: number): number {
  const decl = analysis.layers[i]!.decl;
  const eol = lineEndAt(analysis.text, decl.typeSpan.end);
  const next = analysis.layers[i + 1]?.decl;
  if (next && next.span.start < eol) return decl.span.end;
  return eol;
}
