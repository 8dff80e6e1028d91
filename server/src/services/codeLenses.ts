// Above `layers:`: the network's total parameters and MACs, a Run action (command
// `cnnShape.runModel`, argument: the document URI; the runner implements it) and the model graph
// (`cnnShape.showGraph`, same argument).
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { grouped, macsLabel, t } from '../../../core/src/index';
import { toRange } from './ranges';

export const RUN_COMMAND = 'cnnShape.runModel';
export const GRAPH_COMMAND = 'cnnShape.showGraph';

export function codeLenses(analysis: Analysis, doc: TextDocument): CodeLens[] {
  const key = analysis.model.layersKeySpan;
  if (!key) return [];
  const range = toRange(doc, key);
  const { params, macs } = analysis.totals;
  return [
    // An empty command id: a lens that only shows text.
    { range, command: { title: totalsTitle(params, macs), command: '' } },
    { range, command: { title: t('lenses.run'), command: RUN_COMMAND, arguments: [doc.uri] } },
    { range, command: { title: t('lenses.graph'), command: GRAPH_COMMAND, arguments: [doc.uri] } },
  ];
}

/** `392 parameters · 38,400 MACs (38.40 K)`; a number under a thousand is not said twice (`306 MACs`). */
function totalsTitle(params: number, macs: number): string {
  const label = macsLabel(macs);
  return label === grouped(macs) ? t('lenses.totalsSmall', { params: grouped(params), macs: grouped(macs) }) : t('lenses.totals', { params: grouped(params), macs: grouped(macs), label });
}
