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

export interface Shape {
  width: number;
  height: number;
  depth: number;
}

export interface InputRef {
  name: string;
  span: Span;
}

export interface Preprocess {
  scale: number;
  mean: number[];
  std: number[];
}

/** Parameter values after checking: numbers, pairs, padding (a Pair or one of its words), booleans, enum words. */
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
}
