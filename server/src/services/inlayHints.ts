// Inlay hints: `→ 28×28×6` after each layer, only for the layers in the requested range, so a
// 20,000-layer file costs what is on screen. A layer inside a block definition runs once for each
// copy of each use: its hint gives every shape, or their range (`→ 56×56×64 … 7×7×512 (8 uses)`); a
// block use gets its output and its number of copies (`→ 28×28×128 (2 copies)`).
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Analysis } from '../../../core/src/index';
import { lineEndAt } from './ranges';
import { runsOf } from './results';
import { allScopes, fileNames, itemsIn, type Scope, type ScopeItem } from './scopes';
import { copiesLabel, outputsLabel } from './shapes';

export function inlayHints(analysis: Analysis, doc: TextDocument, range: Range): InlayHint[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const hints: Array<InlayHint & { at: number }> = [];
  const names = fileNames(analysis);
  for (const scope of allScopes(names)) {
    for (const item of itemsIn(scope, from, to)) {
      // An estimate after an error is shown in the hover only: here it reads as unknown.
      const results = runsOf(analysis, scope, item).map((r) => (r.estimated ? { ...r, output: null, estimated: false } : r));
      if (!results.some((r) => r.output)) continue;
      const topUse = scope.block === undefined && item.type !== undefined && names.blocks.has(item.type.name);
      const at = hintOffset(analysis, scope, item);
      if (at < from || at > to) continue;
      hints.push({ at, position: doc.positionAt(at), label: `→ ${topUse ? copiesLabel(results) : outputsLabel(results)}`, tooltip: t(results.length > 1 ? 'lenses.hintTooltipRuns' : 'lenses.hintTooltip'), kind: InlayHintKind.Type, paddingLeft: true });
    }
  }
  return hints.sort((x, y) => x.at - y.at).map(({ at: _, ...h }) => h);
}

/**
 * The end of the line with the layer's type, where the eye looks for a result; on a line shared
 * with the next layer (`[relu, relu]`, one-line JSON) or with a comment, right after the layer instead.
 */
function hintOffset(analysis: Analysis, scope: Scope, item: ScopeItem): number {
  const typeEnd = (item.type?.span ?? item.node).end;
  const eol = lineEndAt(analysis.text, typeEnd);
  const next = scope.items[item.index + 1];
  if (next && next.node.start < eol) return item.node.end;
  // Before a comment that ends the line (the tutorials write `# → 5×5×1` there): the hint is read
  // beside the layer, not glued to the comment's last word.
  const codeEnd = item.node.end <= eol ? item.node.end : typeEnd;
  if (/^[ \t]*(#|\/\/)/.test(analysis.text.slice(codeEnd, eol))) return codeEnd;
  return eol;
}
