// CNN Shape's own LSP messages, beyond the standard ones (documented in docs/editors.md). Types and
// method names only, no runtime imports: the VS Code client and other editors' plugins share them.
import type { Range } from 'vscode-languageserver';
import type { Rounding, Summary } from '../../../core/src/index';
import type { ModelGraph } from '../graph/types';

/** Request `cnnShape/summary`: the model summary of an open document, as the server analysed it. */
export const SUMMARY_REQUEST = 'cnnShape/summary';

export interface SummaryParams {
  /** The document's URI, as in textDocument/didOpen. */
  uri: string;
  /** The version the client has: the server answers for this version (or a later one), waiting briefly for its edits. */
  version?: number;
}

/** The answer, or null when the document is not an open model file. */
export interface SummaryResult {
  uri: string;
  /** The document version this summary is of. */
  version: number;
  /** The rounding setting the analysis used for a file without `rounding:` (pass it on to a run). */
  defaultRounding: Rounding;
  /** Rows, totals, error and warning counts; the title is the model's `name:` or the file name. */
  summary: Summary;
  /** Where each layer is (its `type`), by layer index: for "go to layer". */
  layerRanges: Range[];
  /** The first error in the document, if any, for a message such as "fix it before running". */
  firstError: { message: string; range: Range } | null;
}

/** Request `cnnShape/graph` (params as `cnnShape/summary`): the model graph of an open document. */
export const GRAPH_REQUEST = 'cnnShape/graph';

/** The answer, or null when the document is not an open model file. */
export interface GraphResult {
  uri: string;
  /** The document version this graph is of. */
  version: number;
  /** Nodes (one per layer and the input), shape-labelled edges, block groups. */
  graph: ModelGraph;
  /** Where each layer's `type` is, by layer index: what "reveal" selects. */
  layerRanges: Range[];
  /** Each layer's whole item, by layer index: where the cursor highlights a node. Inside a block, the definition's item. */
  itemRanges: Range[];
}

/**
 * Notification `cnnShape/analysesChanged` (server → client, no params): the analyses of open documents
 * changed for a reason other than their text (the settings changed); ask again for what is shown.
 */
export const ANALYSES_CHANGED_NOTIFICATION = 'cnnShape/analysesChanged';

/** Request `cnnShape/exportPytorch` (params: SummaryParams): the model as PyTorch code (cnnshape export --pytorch). */
export const EXPORT_PYTORCH_REQUEST = 'cnnShape/exportPytorch';

/** The answer, or null when the document is not an open model file. */
export interface ExportPytorchResult {
  uri: string;
  version: number;
  /** The Python file's text; absent where the model cannot be exported (then `error` says why). */
  code?: string;
  error?: string;
  /** A file name for it beside the model: the model's base name as a Python module name (`unet_small.py`). */
  fileName: string;
}
