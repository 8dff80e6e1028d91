// A code lens "Explain this layer" on each conv and pool layer whose sizes are known: command
// `cnnShape.explainLayer` with the document URI and the layer's index (the client opens the view).
// A layer of a block definition runs once per copy: one lens, for its first copy. Only for a client
// that says it has the command (clientCommands.ts).
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Analysis } from '../../../core/src/index';
import { EXPLAIN_COMMAND } from './denseComparison';
import { clientRuns } from './clientCommands';
import { isExplained } from './explain';
import { toRange } from './ranges';

export function explainLenses(analysis: Analysis, doc: TextDocument): CodeLens[] {
  if (!clientRuns(EXPLAIN_COMMAND)) return [];
  const seen = new Set<number>();
  const out: CodeLens[] = [];
  for (const r of analysis.layers) {
    const d = r.decl;
    if (!isExplained(d.type) || !d.usable || !r.output || r.estimated || seen.has(d.typeSpan.start)) continue;
    seen.add(d.typeSpan.start);
    out.push({ range: toRange(doc, d.typeSpan), command: { title: t('explain.lens'), command: EXPLAIN_COMMAND, arguments: [doc.uri, d.index] } });
  }
  return out;
}
