// What every layer type declares about itself, in its own file in this folder (registry.ts lists
// them): its parameters with kinds, defaults and docs; its shape rule (code and words); its weight
// tensors and their PyTorch layouts; whether its output is shown as feature maps; and the names other
// frameworks use for it. Schema, grammars, `cnnshape layers` and docs are generated from this.
//
// `defineLayer` keeps each parameter's kind in the type, so a shape rule reads `ctx.p.kernel` as a
// Pair and `ctx.p.bias` as a boolean, complete with defaults (the model reader fills them once).
import type { CoreDiagnostic, FixData, RelatedInfo, Severity } from '../diagnostics/diagnostic';
import type { Code } from '../diagnostics/codes';
import type { LayerDecl, Pair, Padding, Rounding, Shape, Sides } from '../model/types';
import type { Span } from '../syntax/ast';

export type ParamKind =
  | { kind: 'int'; min: number }
  | { kind: 'pair'; min: number }
  | { kind: 'padding' }
  | { kind: 'bool' }
  | { kind: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }
  | { kind: 'enum'; values: readonly string[] }
  /** An integer, [vertical, horizontal] or [top, bottom, left, right] (pad, crop); each ≥ 0. */
  | { kind: 'sides' }
  /**
   * A reference to another layer by name, like an `inputs` entry (crop's `like`). The shape inference
   * resolves every `ref` parameter as it resolves `inputs` (unknown, forward and self references are
   * errors at the value) and gives the rule its shape through `ctx.refShape(key)`; tools that rename
   * or follow layer names treat these values as they treat `inputs` (see `refParams`).
   */
  | { kind: 'ref' };

export type ParamSpec = ParamKind & {
  required?: boolean;
  /** The default, as it is written in a file (absent for required or optional-checked values). */
  default?: number | boolean | string;
  /** The default is this other parameter's value (maxpool's stride is its kernel). */
  defaultFrom?: string;
  doc: string;
  /** What PyTorch or Keras call it (kernel_size, out_channels): "did you mean" knows them. */
  aliases?: readonly string[];
};

/** The value a parameter of this kind has after checking. */
export type ValueOf<S> = S extends { kind: 'int' | 'number' }
  ? number
  : S extends { kind: 'pair' }
    ? Pair
    : S extends { kind: 'padding' }
      ? Padding
      : S extends { kind: 'bool' }
        ? boolean
        : S extends { kind: 'enum'; values: readonly (infer V)[] }
          ? V
          : S extends { kind: 'sides' }
            ? Sides
            : S extends { kind: 'ref' }
              ? string
              : never;

/** Complete parameters: a value for each one with a default or required; optional ones may be absent. */
export type ParamsOf<P extends Record<string, ParamSpec>> = {
  readonly [K in keyof P]: P[K] extends { required: true } | { default: unknown } | { defaultFrom: string } ? ValueOf<P[K]> : ValueOf<P[K]> | undefined;
};

export interface ShapeContext<V = Record<string, unknown>> {
  layer: LayerDecl;
  /** Shapes of the inputs, in order (at least one; all known). */
  inputs: Shape[];
  /** The rounding in force for this layer: its own `rounding:`, else the file's. */
  rounding: Rounding;
  /** The parameters, defaults filled in. */
  p: V;
  /** Where a parameter is written, or the layer's type when it is not. */
  spanOf(name: keyof V & string): Span;
  /** Whether the parameter is written in the file (not a default). */
  has(name: keyof V & string): boolean;
  report(
    code: Code,
    severity: Severity,
    message: string,
    span: Span,
    extra?: { related?: RelatedInfo[]; fix?: FixData },
  ): void;
  /** Records that the output size was not whole and was rounded (for hints and hovers). */
  noteRounded(r: RoundedOutput): void;
  /** Related information pointing at the layer that produced input i. */
  producedBy(i: number, what: string): RelatedInfo[];
  /** A name for input i in messages: "layer 'conv1'" or "the input". */
  inputLabel(i: number): string;
  /** The shape of the layer a `ref` parameter names (resolved and known), else undefined. */
  refShape(key: keyof V & string): Shape | undefined;
  /** Related information pointing at the layer a `ref` parameter names. */
  refProducedBy(key: keyof V & string, what: string): RelatedInfo[];
}

/** A window layer whose output size was not whole: the exact sizes and the ones used, [height, width]. */
export interface RoundedOutput {
  exact: Pair;
  size: Pair;
  rounding: Rounding;
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
  field?: { window: WindowGeometry } | { global: true } | { upsample: Pair } | { transposed: WindowGeometry };
  /** The arithmetic per axis, for the hover: a function, so that text is built only when shown. */
  arithmetic?: () => string[];
  /**
   * The output is a best guess after an error on this layer (add of mismatched inputs: the first
   * input's shape), so that checking goes on; later layers' own errors are then not reported.
   */
  estimated?: boolean;
}

export interface WeightsSpec<V> {
  /** Key → layout in words, e.g. weight: '[filters, depth/groups, kh, kw]', bias: '[filters] (with bias)'. */
  layout: Readonly<Record<string, string>>;
  /** The tensors this layer owns for this input, in PyTorch's layouts (the `state_dict` suffixes). */
  shapes(p: V, input: Shape): Record<string, number[]>;
  /**
   * How the runner fills a tensor when no weights are given, as PyTorch initialises the layer: by
   * default `weight` is He-normal and every other tensor 0 (a normalisation's weight starts at 1).
   */
  init?: Readonly<Record<string, 'he' | 'zeros' | 'ones'>>;
}

export interface LayerDef<P extends Record<string, ParamSpec>> {
  type: string;
  /** One line, for completion lists. */
  summary: string;
  /** Markdown, for hovers and the reference. */
  doc: string;
  /** The shape rule in words, for the reference (`cnnshape layers`, docs/layers.md). */
  rule: string;
  /** Other frameworks' names for this type (Conv2d, Conv2D): "did you mean" knows them. */
  aliases: readonly string[];
  params: P;
  /** 'one' (the default) or 'many' (add, concat: two or more). */
  arity: 'one' | 'many';
  /** Whether the runner shows this layer's output as feature maps (a spatial map worth looking at). */
  featureMaps: boolean;
  /** Whether the layer has a window and so may carry its own `rounding:` (v2). */
  rounding?: boolean;
  weights?: WeightsSpec<ParamsOf<P>>;
  shape(ctx: ShapeContext<ParamsOf<P>>): ShapeResult;
}

/** A layer type, its parameter types erased: what the registry holds and generic code reads. */
export interface LayerSpec {
  type: string;
  summary: string;
  doc: string;
  rule: string;
  aliases: readonly string[];
  params: Readonly<Record<string, ParamSpec>>;
  arity: 'one' | 'many';
  featureMaps: boolean;
  rounding?: boolean;
  weights?: WeightsSpec<Record<string, unknown>>;
  shape(ctx: ShapeContext): ShapeResult;
}

/** Declares a layer type; `const` keeps each parameter's kind for `ParamsOf`. */
export function defineLayer<const P extends Record<string, ParamSpec>>(def: LayerDef<P>): LayerDef<P> {
  return def;
}

export type { CoreDiagnostic };
