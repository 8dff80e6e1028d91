// The typed model: what a model file says, after desugaring (`- relu` → {type: relu}, "32x32x3" →
// {width, height, depth}, defaults filled in). Every value keeps the span it came from.
import type { AstMap, AstNode, Span } from '../syntax/ast';

export type Rounding = 'strict' | 'floor' | 'ceil';

/** A value and where it was written; `span` is absent for defaults. */
export interface Located<T> {
  value: T;
  span?: Span;
}

/** Pairs are [height, width], as PyTorch and Keras write them. */
export type Pair = [number, number];

export type Padding = Pair | 'same' | 'valid';

/** Amounts per side, [top, bottom, left, right] (pad, crop). */
export type Sides = [number, number, number, number];

export interface Shape {
  width: number;
  height: number;
  depth: number;
}

export interface InputRef {
  /** The full name of the layer referred to (inside a block: renamed from the block-local name). */
  name: string;
  span: Span;
  /** Set where the reference was already found wrong (inside a block definition): infer says nothing more. */
  unresolved?: true;
}

/** One copy of a block: the use (with `repeat`, one of its copies) that a block's layers belong to. */
export interface BlockCopy {
  /** The copy's full name: `layer1.0` with `repeat`, else the use's name (`layer2.0`). */
  use: string;
  /** The use's `type` value: where the block is used. */
  useSpan: Span;
  /** The copy's number (counted from `first`); 0 for a use without `repeat`. */
  copy: number;
  /** Whether the use has `repeat` (its copies are named `N.<i>`). */
  repeated: boolean;
  /** The block's name (the key under `blocks:`). */
  definition: string;
  /** The copy of the enclosing block, for a block used inside another. */
  outer?: BlockCopy;
}

export interface Preprocess {
  scale: number;
  mean: number[];
  std: number[];
}

/** Parameter values after checking: numbers, pairs, padding (a Pair or one of its words), booleans, enum words, sides
 * ([top, bottom, left, right]) and layer names (`ref` parameters). */
export type ParamValue = number | boolean | Pair | string | unknown[];

export interface LayerDecl {
  index: number;
  type: string;
  /** The `type` value's span, or the bare scalar's (`- relu`). */
  typeSpan: Span;
  /** The whole item. */
  span: Span;
  /** The explicit name, if any. */
  name?: Located<string>;
  /** The name other layers use: the explicit name, or the index as text. */
  id: string;
  /** Explicit inputs; undefined means "the layer before" (or `input` for the first layer). */
  inputs?: InputRef[];
  inputsSpan?: Span;
  /** The parameters written in the file, checked, with their spans (invalid ones were reported). */
  params: Map<string, Located<ParamValue>>;
  /** Every parameter's value, defaults filled in: what shape rules, weights and the runner read. */
  values: Record<string, ParamValue>;
  /** The layer's own `rounding:` (v2), overriding the file's. */
  rounding?: Located<Rounding>;
  /** The mapping the layer came from (for hover and completion), absent for a bare name. */
  node?: AstMap;
  /** Inline `parameters:` tensors, as written. */
  inlineParameters?: { node: AstNode; values: Map<string, Located<unknown>> };
  /** false where the type is unknown or a required parameter is missing: no shape is computed. */
  usable: boolean;
  /** Inside a block: the copy this layer belongs to (its spans point into the block's definition). */
  block?: BlockCopy;
  /** Inside a block: the layer's index in the definition's `layers`. */
  blockLayer?: number;
  /**
   * Without `inputs`: the full name of the layer whose output this one takes, where that is not simply
   * the layer before in the list (inside blocks, after a block use). Never written by users.
   */
  after?: string;
}

export interface Model {
  name?: Located<string>;
  input?: Located<Shape>;
  rounding: Located<Rounding>;
  labels?: Located<string[] | string>;
  weights?: Located<string>;
  preprocess: Located<Preprocess>;
  layers: LayerDecl[];
  /** The `layers` key's value, for the code lens and folding. */
  layersSpan?: Span;
  layersKeySpan?: Span;
  root: AstNode | null;
  /** Format v2 `blocks:` (absent in a file without them): definitions, uses and the extra names. */
  blocks?: BlocksInfo;
}

/** A block parameter as declared under `params:`. */
export interface BlockParam {
  name: string;
  keySpan: Span;
  /** The default's node; absent for a required parameter (written without a value). */
  default?: AstNode;
}

export interface BlockDefinition {
  name: string;
  /** The key under `blocks:`. */
  nameSpan: Span;
  /** The definition's mapping. */
  span: Span;
  params: BlockParam[];
  /** The names by which its layers refer to its inputs (default one, `input`); span absent for the default. */
  inputs: Array<{ name: string; span?: Span }>;
  /** The layer whose output is the block's (default: the last). */
  output?: { name: string; span: Span };
  /** The definition's layers as written. */
  layers: AstNode[];
  layersSpan?: Span;
  /** Each layer's block-local name: its `name`, else its index in `layers`. */
  localNames: string[];
  /** The block uses itself, directly or not: it is never expanded. */
  cyclic: boolean;
}

/** One use of a block where it is written (at the top level, or inside another block's definition, once per copy of that block). */
export interface BlockUse {
  /** The use's full name (`layer1`), the name of its output. */
  id: string;
  definition: string;
  /** The use's item and its `type` value. */
  span: Span;
  typeSpan: Span;
  /** The copies it made, in order (one without `repeat`; none where the use has errors). */
  copies: Array<{ copy: BlockCopy; first: number; end: number; output: number }>;
  /** The copy of the block this use is written in, for a nested use. */
  outer?: BlockCopy;
}

export interface BlocksInfo {
  /** By name, in the order written. */
  definitions: Map<string, BlockDefinition>;
  uses: BlockUse[];
  /** Names that are not layer ids: a use's name (`layer1`) and its copies' (`layer1.0`) → the expanded index of their output. */
  aliases: Map<string, number>;
  /** For each definition, for each of its layers, the expanded indices of its copies (a nested use: its output's). */
  copiesOf: Map<string, number[][]>;
}
