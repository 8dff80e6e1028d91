// What every layer type declares: its parameters (for checking, hover and completion) and its shape
// rule. One file per type in this folder holds both; registry.ts lists them.
import type { CoreDiagnostic, FixData, RelatedInfo, Severity } from '../diagnostics/diagnostic';
import type { Code } from '../diagnostics/codes';
import type { LayerDecl, Pair, Rounding, Shape } from '../model/types';
import type { Span } from '../syntax/ast';

export type ParamKind =
  | { kind: 'int'; min: number }
  | { kind: 'pair'; min: number }
  | { kind: 'padding' }
  | { kind: 'bool' }
  | { kind: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean };

export type ParamSpec = ParamKind & {
  required?: boolean;
  /** The default, as it is written in a file (absent for required or optional-checked values). */
  default?: number | boolean | string;
  doc: string;
};

export interface ShapeContext {
  layer: LayerDecl;
  /** Shapes of the inputs, in order (at least one; all known). */
  inputs: Shape[];
  rounding: Rounding;
  /** A parameter's value, or its default. */
  get<T>(name: string): T;
  /** Where a parameter is written, or the layer's type when it is not. */
  spanOf(name: string): Span;
  /** Whether the parameter is written in the file. */
  has(name: string): boolean;
  report(
    code: Code,
    severity: Severity,
    message: string,
    span: Span,
    extra?: { related?: RelatedInfo[]; fix?: FixData },
  ): void;
  /** Related information pointing at the layer that produced input i. */
  producedBy(i: number, what: string): RelatedInfo[];
  /** A name for input i in messages: "layer 'conv1'" or "the input". */
  inputLabel(i: number): string;
}

export interface WindowGeometry {
  /** Effective kernel d(k − 1) + 1 per axis [h, w]. */
  kernel: Pair;
  stride: Pair;
  /** Padding per side, for the receptive-field start (same padding: the TensorFlow amount, left side). */
  padding: Pair;
}

export interface ShapeResult {
  output: Shape | null;
  params?: number;
  macs?: number;
  /** How the layer changes the receptive field: a window, a global view, an upsampling, or nothing. */
  field?: { window: WindowGeometry } | { global: true } | { upsample: number };
  /** The arithmetic per axis, for the hover: a function, so that text is built only when shown. */
  arithmetic?: () => string[];
}

export interface LayerSpec {
  type: string;
  /** One line, for completion lists. */
  summary: string;
  /** Markdown, for hovers. */
  doc: string;
  params: Record<string, ParamSpec>;
  /** 'one' (the default) or 'many' (add, concat: two or more). */
  arity: 'one' | 'many';
  shape(ctx: ShapeContext): ShapeResult;
}

export type { CoreDiagnostic };
