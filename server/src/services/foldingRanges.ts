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
  if (analysis.kind === 'yaml') out.push(...commentBlocks(analysis.text));
  out.push(...residualBlocks(analysis, doc));
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return dedupe(out).slice(0, limit);
}

/** Two or more comment lines in a row fold as one (the tutorials' long explanations). */
function commentBlocks(text: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lines = text.split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const comment = i < lines.length && lines[i]!.trimStart().startsWith('#');
    if (comment && start < 0) start = i;
    if (!comment && start >= 0) {
      if (i - 1 > start) out.push({ startLine: start, endLine: i - 1, kind: 'comment' });
      start = -1;
    }
  }
  return out;
}

/**
 * A residual block: the layers between a shortcut's source and the layer that joins it back (add,
 * concat), folded from the first layer after the source to the joining layer.
 */
function residualBlocks(a: Analysis, doc: TextDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const [i, r] of a.layers.entries()) {
    if (r.sources.length < 2 || r.decl.block) continue;
    const from = Math.min(...r.sources);
    const first = a.layers[from + 1];
    if (from + 1 >= i || !first || first.decl.block) continue;
    const startLine = doc.positionAt(first.decl.span.start).line;
    const endLine = doc.positionAt(trimmedEnd(a.text, r.decl.span)).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
  }
  return out;
}

/** One range per start line (the outermost), as editors keep only one. */
function dedupe(ranges: FoldingRange[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of ranges) if (out[out.length - 1]?.startLine !== r.startLine) out.push(r);
  return out;
}
