// CNN Shape's own LSP messages, beyond the standard ones (documented in docs/editors.md). Types and
// method names only, no runtime imports: the VS Code client and other editors' plugins share them.
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver';
import type { Pair, Rounding, Shape, Summary } from '../../../core/src/index';
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

/**
 * Request `cnnShape/explain`: one convolution or pooling layer in its own numbers, for the "Explain
 * this layer" view (the input grid, the padding, the window stepping by the stride, the output grid,
 * the pixels no window covers, depth, receptive field, and the size fixes with what each would give).
 * Bad params get InvalidParams (-32602).
 */
export const EXPLAIN_REQUEST = 'cnnShape/explain';

export interface ExplainParams {
  uri: string;
  version?: number;
  /** The layer under this position (the innermost item holding it)… */
  position?: Position;
  /** …or the layer with this index (as in cnnShape/summary's rows); one of the two is required. */
  layerIndex?: number;
}

/** The answer, or null when the document is not an open model file. */
export interface ExplainResult {
  uri: string;
  version: number;
  /** The layer found at the position (or the index asked for); null when there is none. */
  layerIndex: number | null;
  /** Where that layer's `type` is, for "go to layer". */
  layerRange: Range | null;
  /** The numbers of the layer; null when it cannot be explained (`reason` says why, in the user's language). */
  layer: ExplainedLayer | null;
  reason?: string;
  /** Each fix the server offers for this layer's size, with the layer as it would be after it. */
  fixes: ExplainFix[];
}

/** One axis of a window layer, in input pixels. Index 0 of the padded axis is the first padding pixel. */
export interface ExplainAxis {
  /** Input size along the axis (W or H). */
  input: number;
  /** Kernel size as written (F). */
  kernel: number;
  /** Dilation; the window spans dilation·(kernel − 1) + 1 pixels. */
  dilation: number;
  /** Pixels one window spans: dilation·(kernel − 1) + 1. */
  span: number;
  stride: number;
  /** Zero padding before and after the input (equal unless `padding: same` needs an odd total). */
  padBefore: number;
  padAfter: number;
  /** (W − F + 2P)/S + 1 exactly (not rounded). */
  exact: number;
  /** `exact` as messages print it: "10.33". */
  exactText: string;
  /** Whether `exact` is whole. */
  whole: boolean;
  /** The output size the layer gives (rounded as the layer's rounding says). */
  output: number;
  /** The arithmetic with the file's numbers: "(32 − 4 + 2·1)/3 + 1 = 11". */
  arithmetic: string;
  /** Padded pixels from the last window's end to the padded edge, which no window reads (0 when whole). */
  uncovered: number;
  /** A window that hangs over the padded edge: the one after the last (strict, floor), or the last one (ceil). */
  overhang: { start: number; beyond: number } | null;
}

export interface ExplainedLayer {
  index: number;
  type: 'conv' | 'maxpool' | 'avgpool';
  /** The layer's name, or a label such as "the 3rd layer (conv)". */
  label: string;
  input: Shape;
  output: Shape;
  /** [height, width]. */
  axes: { width: ExplainAxis; height: ExplainAxis };
  rounding: Rounding;
  /** Set when `padding: same` chose the padding. */
  paddingSame: boolean;
  /** conv: the number of filters K (the output depth); pools: null (depth unchanged). */
  filters: number | null;
  groups: number;
  /** conv: weights per filter (F·F·depth/groups) and in all, with the biases. */
  weights: { perFilter: number; total: number; biases: number } | null;
  /** The receptive field on the network input before this layer (its input's) and after it, [height, width]. */
  fieldBefore: { size: Pair; jump: Pair } | null;
  field: { size: Pair; jump: Pair } | null;
  /** The layer's own size message when it is not whole (the diagnostic's text). */
  problem: string | null;
}

export interface ExplainFix {
  /** The quick fix's title, e.g. "Set padding to 1 → 11×11×8". */
  title: string;
  /** What it changes: 'padding', 'stride', 'kernel', 'input', 'rounding' (or another key it sets). */
  changes: string;
  /** The quick fix's edit, as `textDocument/codeAction` gives it. */
  edit: WorkspaceEdit;
  /** The layer as it would be after the fix (null if the fixed model no longer has it). */
  after: ExplainedLayer | null;
}
