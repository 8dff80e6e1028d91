// The graph of a model as plain data (JSON over LSP, into the CLI and the webview): one node per layer
// plus the network input, edges labelled with the shape that flows along them, and the block uses
// (format v2) as groups. Offsets are UTF-16 offsets into the model text; editors convert them.

export type NodeStatus = 'ok' | 'warning' | 'error';

export interface GraphNode {
  /** `input`, or `L<index>` for layer `index`. */
  id: string;
  /** The layer's index in the analysis (blocks expanded); -1 for the network input. */
  layer: number;
  /** The layer type as written (`conv`), or `input`. */
  type: string;
  /** The layer's full name (`layer1.0.conv1`), its index for an unnamed layer, or `input`. */
  name: string;
  /** The key parameters, e.g. `3×3 /2, 64`; empty when there are none. */
  detail: string;
  /** The output shape, `56×56×64`, or `?` when unknown. */
  output: string;
  status: NodeStatus;
  /** An output size that is not a whole number (an error in strict rounding, a note otherwise). */
  nonWhole: boolean;
  /** The problems reported on this layer (severity and message), for the node's tooltip. */
  messages: Array<{ severity: 'error' | 'warning' | 'information' | 'hint'; message: string }>;
  /** For add and concat whose inputs do not fit: every incoming shape, in order. */
  mismatch?: string[];
  /** The network's output (the last layer). */
  isOutput: boolean;
  /** The innermost group (block copy) the layer belongs to. */
  group?: string;
  /** Where the layer's `type` is written (inside a block: in the definition). */
  span: { start: number; end: number };
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  /** The shape that flows, `56×56×64`, or `?`. */
  label: string;
  /** Which input of the target this is (0 for single-input layers). */
  port: number;
  /** The target is an add or concat whose inputs do not fit. */
  mismatch: boolean;
}

/** A block use (or, for a use with `repeat`, one of its copies). */
export interface GraphGroup {
  /** `G:<full name>`: `G:layer1` for a use, `G:layer1.0` for a copy of a repeated use. */
  id: string;
  /** The full name of the use or copy. */
  name: string;
  /** The block's name (the key under `blocks:`). */
  definition: string;
  /** The number of copies (a use), or 1 (a copy). */
  copies: number;
  /** `use` for a block use; `copy` for one copy of a repeated use. */
  kind: 'use' | 'copy';
  parent?: string;
  /** The layer whose output is the group's output. */
  outputLayer: number;
  status: NodeStatus;
  /** Where the use is written (its `type` value). */
  span: { start: number; end: number };
}

export interface ModelGraph {
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
}
