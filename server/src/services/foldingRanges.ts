// Folding: every mapping or list written over several lines (each layer, the layers list,
// `preprocess`, inline weights). A YAML block folds up to its last line; a bracketed one keeps its
// closing bracket visible.
import type { FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import type { AstNode } from '../../../core/src/index';
import { trimmedEnd } from './ranges';

export function foldingRanges(analysis: Analysis, doc: TextDocument, limit = Infinity): FoldingRange[] {
  const out: FoldingRange[] = [];
  const root = analysis.model.root;
  if (!root) return out;
  const add = (from: number, node: AstNode) => {
    if (node.kind === 'scalar') return;
    const startLine = doc.positionAt(from).line;
    let endLine = doc.positionAt(trimmedEnd(analysis.text, node)).line;
    if (node.flow) endLine--;
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  // An explicit stack: inline weights can nest deeply, and recursion would not survive that.
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const p of node.pairs) {
        if (!p.value || p.value.kind === 'scalar' || p.value.end <= p.value.start || p.value.start < p.key.start) continue;
        add(p.key.start, p.value);
        stack.push(p.value);
      }
    } else if (node.kind === 'seq') {
      for (const it of node.items) {
        if (it.kind === 'scalar') continue;
        add(it.start, it);
        stack.push(it);
      }
    }
  }
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return dedupe(out).slice(0, limit);
}

/** One range per start line (the outermost), as editors keep only one. */
function dedupe(ranges: FoldingRange[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of ranges) if (out[out.length - 1]?.startLine !== r.startLine) out.push(r);
  return out;
}
