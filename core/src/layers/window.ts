// Shared by conv and the pools: the output size on both axes from kernel, stride, padding and
// dilation, with the diagnostics for sizes that are not whole or below 1, and the quick-fix options.
// This runs for every window layer on every keystroke, so text is built only when it is shown.
import { t } from '../i18n/t';
import { axisArithmetic, axisOutput, type AxisParams, type AxisResult } from '../shape/outputSize';
import type { MessageId } from '../i18n/catalog';
import type { Padding, Pair, Rounding, Shape } from '../model/types';
import type { Span } from '../syntax/ast';
import { shapeText } from './checks';
import type { ShapeContext, WindowGeometry } from './spec';
import { windowFixOptions, type FixOption } from './windowFix';

export interface WindowArgs {
  kernel: Pair;
  stride: Pair;
  padding: Padding;
  dilation: Pair;
  pooling: boolean;
}

const AXES = ['layerChecks.axisHeight', 'layerChecks.axisWidth'] as const;

/** The axes named in a message: one of them, or "width and height". */
function axesName(g: readonly (0 | 1)[]): string {
  return t(g.length > 1 ? 'layerChecks.axisWidthAndHeight' : AXES[g[0]!]);
}

export function padPair(p: Padding): Pair | 'same' {
  if (p === 'same') return 'same';
  if (p === 'valid') return [0, 0];
  return p;
}

export interface WindowResult {
  /** [height, width]. */
  size: Pair;
  /** The arithmetic of axis i (0 = height, 1 = width). */
  text: (i: 0 | 1) => string;
  geometry: WindowGeometry;
}

/** Computes [height, width] of the output, reporting non-whole and empty sizes on the layer. */
export function windowOutput(ctx: ShapeContext, input: Shape, w: WindowArgs): WindowResult {
  const pad = padPair(w.padding);
  const params: [AxisParams, AxisParams] = [
    { n: input.height, k: w.kernel[0], s: w.stride[0], p: pad === 'same' ? 'same' : pad[0], d: w.dilation[0], pooling: w.pooling },
    { n: input.width, k: w.kernel[1], s: w.stride[1], p: pad === 'same' ? 'same' : pad[1], d: w.dilation[1], pooling: w.pooling },
  ];
  const axes: [AxisResult, AxisResult] = [axisOutput(params[0], ctx.rounding), axisOutput(params[1], ctx.rounding)];
  const text = (i: 0 | 1) => axisArithmetic(params[i], axes[i], ctx.rounding);

  if (!axes[0].integer || !axes[1].integer) {
    ctx.noteRounded({ exact: [axes[0].exact, axes[1].exact], size: [axes[0].size, axes[1].size], rounding: ctx.rounding });
    reportNotWhole(ctx, input, w, pad, axes, text);
  }
  if (axes[0].size < 1 || axes[1].size < 1) {
    const i = axes[0].size < 1 ? 0 : 1;
    const names = axesName(axes[0].size < 1 && axes[1].size < 1 ? [0, 1] : [i]);
    const k = w.dilation[i] * (w.kernel[i] - 1) + 1;
    const padded = pad === 'same' ? params[i].n : params[i].n + 2 * pad[i];
    ctx.report(
      'empty-output',
      'error',
      t(w.dilation[i] > 1 ? 'window.emptyOutputDilated' : 'window.emptyOutput', { axes: names, arithmetic: text(i).replace(/ →.*$/, ''), kernel: k, padded }),
      ctx.layer.typeSpan,
      { related: ctx.producedBy(0, t('layerChecks.inputComesFrom', { shape: shapeText(input) })) },
    );
  }
  const kernel: Pair = [w.dilation[0] * (w.kernel[0] - 1) + 1, w.dilation[1] * (w.kernel[1] - 1) + 1];
  let padding: Pair;
  if (pad === 'same') {
    // TensorFlow pads the total the window needs, the smaller half first.
    const total = (i: 0 | 1) => Math.max((axes[i].size - 1) * w.stride[i] + kernel[i] - params[i].n, 0);
    padding = [Math.floor(total(0) / 2), Math.floor(total(1) / 2)];
  } else padding = pad;
  return { size: [axes[0].size, axes[1].size], text, geometry: { kernel, stride: w.stride, padding } };
}

function reportNotWhole(ctx: ShapeContext, input: Shape, w: WindowArgs, pad: Pair | 'same', axes: [AxisResult, AxisResult], text: (i: 0 | 1) => string): void {
  const bad = ([0, 1] as const).filter((i) => !axes[i].integer);
  const same = bad.length === 2 && text(0) === text(1);
  const groups: Array<Array<0 | 1>> = same ? [[0, 1]] : bad.map((i) => [i]);
  const options = ctx.rounding === 'strict' ? fixOptions([input.height, input.width], w, pad) : [];
  for (const g of groups) {
    const msg = t(notWholeMessage(ctx.rounding, g.length > 1), { axes: axesName(g), arithmetic: text(g[0]!) });
    ctx.report('non-integer-output', ctx.rounding === 'strict' ? 'error' : 'information', msg, faultSpan(ctx),
      options.length ? { fix: { kind: 'padding-stride', layerIndex: ctx.layer.index, options } } : undefined);
  }
}

function notWholeMessage(rounding: Rounding, plural: boolean): MessageId {
  if (rounding === 'strict') return plural ? 'window.notWholePlural' : 'window.notWhole';
  if (rounding === 'ceil') return plural ? 'window.roundedCeilPlural' : 'window.roundedCeil';
  return plural ? 'window.roundedFloorPlural' : 'window.roundedFloor';
}

/**
 * Where a size that is not whole is marked: on the value most likely at fault, the stride if it is
 * written (it is what does not divide), else the kernel (a pool's stride follows it), else the type.
 */
function faultSpan(ctx: ShapeContext): Span {
  const c = ctx as ShapeContext<{ stride: unknown; kernel: unknown }>;
  if (c.has('stride')) return c.spanOf('stride');
  if (c.has('kernel')) return c.spanOf('kernel');
  return ctx.layer.typeSpan;
}

/** Uniform paddings and strides near the current ones that make every axis whole (windowFix.ts). */
function fixOptions(n: Pair, w: WindowArgs, pad: Pair | 'same'): FixOption[] {
  if (pad === 'same') return [];
  return windowFixOptions(n, w.kernel, w.stride, w.dilation, pad);
}
