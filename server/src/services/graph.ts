// The answer to `cnnShape/graph`: the model graph of a document's analysis, with each layer's range so
// that an editor can go from a node to its line and from the cursor to a node without analysing.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { buildGraph } from '../graph/buildGraph';
import type { GraphResult } from '../lsp/customRequests';
import { toRange } from './ranges';
import { fileTitle } from './summary';

export function modelGraph(analysis: Analysis, doc: TextDocument): GraphResult {
  const layers = analysis.model.layers;
  return {
    uri: doc.uri,
    version: doc.version,
    graph: buildGraph(analysis, analysis.model.name?.value ?? fileTitle(doc.uri)),
    layerRanges: layers.map((l) => toRange(doc, l.typeSpan)),
    itemRanges: layers.map((l) => toRange(doc, l.span)),
  };
}
