// Shared by conv and the pools: the output size on both axes from kernel, stride, padding and
// dilation, with the diagnostics for sizes that are not whole or below 1, and the quick-fix options.
import { axisOutput, type AxisResult } from '../shape/outputSize';
import type { Padding, Pair, Shape } from '../model/types';
import type { ShapeContext, WindowGeometry } from './spec';

export interface WindowArgs {
  kernel: Pair;
  stride: Pair;
  padding: Padding;
  dilation: Pair;
  pooling: boolean;
}

const AXES = ['height', 'width'] as const;

export function padPair(p: Padding): Pair | 'same' {
  if (p === 'same') return 'same';
  if (p === 'valid') return [0, 0];
  return p;
}

/** Computes [height, width] of the output, reporting non-whole and empty sizes on the layer. */
export function windowOutput(ctx: ShapeContext, input: Shape, w: WindowArgs): { size: Pair; axes: AxisResult[]; geometry: WindowGeometry } {
  const pad = padPair(w.padding);
  const n: Pair = [input.height, input.width];
  const axes = [0, 1].map((i) =>
    axisOutput({ n: n[i]!, k: w.kernel[i]!, s: w.stride[i]!, p: pad === 'same' ? 'same' : pad[i]!, d: w.dilation[i]!, pooling: w.pooling }, ctx.rounding),
  );
  const span = ctx.layer.typeSpan;

  const bad = [0, 1].filter((i) => !axes[i]!.integer);
  if (bad.length) {
    const same = bad.length === 2 && axes[0]!.arithmetic === axes[1]!.arithmetic;
    const groups = same ? [[0, 1]] : bad.map((i) => [i]);
    for (const g of groups) {
      const names = g.map((i) => AXES[i]).reverse().join(' and ');
      const a = axes[g[0]!]!;
      const plural = g.length > 1;
      const msg =
        ctx.rounding === 'strict'
          ? `output ${names} ${a.arithmetic} ${plural ? 'are not whole numbers' : 'is not a whole number'}`
          : `output ${names} ${a.arithmetic}: ${plural ? 'the sizes are not whole and were' : 'the size is not whole and was'} rounded (${ctx.rounding === 'ceil' ? 'PyTorch ceil_mode' : 'floor'})`;
      const options = ctx.rounding === 'strict' ? fixOptions(n, w, pad) : [];
      ctx.report('non-integer-output', ctx.rounding === 'strict' ? 'error' : 'information', msg, span,
        options.length ? { fix: { kind: 'padding-stride', layerIndex: ctx.layer.index, options } } : undefined);
    }
  }
  const empty = [0, 1].filter((i) => axes[i]!.size < 1);
  if (empty.length) {
    const k = [0, 1].map((i) => w.dilation[i]! * (w.kernel[i]! - 1) + 1);
    const i = empty[0]!;
    const padded = pad === 'same' ? n[i]! : n[i]! + 2 * pad[i]!;
    ctx.report(
      'empty-output',
      'error',
      `output ${empty.map((j) => AXES[j]).reverse().join(' and ')} ${axes[i]!.arithmetic.replace(/ →.*$/, '')} is below 1: the ${w.dilation[i]! > 1 ? 'dilated ' : ''}kernel (${k[i]}) is larger than the padded input (${padded})`,
      span,
      { related: ctx.producedBy(0, `the ${input.width}×${input.height}×${input.depth} input comes from here`) },
    );
  }
  const padAmount: Pair =
    pad === 'same'
      ? ([0, 1].map((i) => {
          const out = axes[i]!.size;
          const total = Math.max((out - 1) * w.stride[i]! + w.dilation[i]! * (w.kernel[i]! - 1) + 1 - n[i]!, 0);
          return Math.floor(total / 2);
        }) as Pair)
      : pad;
  return {
    size: [axes[0]!.size, axes[1]!.size],
    axes,
    geometry: {
      kernel: [w.dilation[0] * (w.kernel[0] - 1) + 1, w.dilation[1] * (w.kernel[1] - 1) + 1],
      stride: w.stride,
      padding: padAmount,
    },
  };
}

/** Uniform paddings and strides near the current ones that make every axis whole. */
function fixOptions(n: Pair, w: WindowArgs, pad: Pair | 'same'): Array<{ padding?: number; stride?: number; result: string }> {
  if (pad === 'same') return [];
  const sizeWith = (p: Pair, s: Pair): Pair | null => {
    const out: number[] = [];
    for (let i = 0; i < 2; i++) {
      const num = n[i]! + 2 * p[i]! - w.dilation[i]! * (w.kernel[i]! - 1) - 1;
      if (num < 0 || num % s[i]! !== 0) return null;
      out.push(num / s[i]! + 1);
    }
    return out as Pair;
  };
  const fmt = (hw: Pair) => `${hw[1]}×${hw[0]}`;
  const opts: Array<{ padding?: number; stride?: number; result: string; dist: number }> = [];
  const maxK = Math.max(...w.kernel.map((k, i) => w.dilation[i]! * (k - 1) + 1));
  const cur = Math.max(pad[0], pad[1]);
  for (let q = 0; q <= Math.max(maxK, cur + 3); q++) {
    if (q === pad[0] && q === pad[1]) continue;
    const r = sizeWith([q, q], w.stride);
    if (r) opts.push({ padding: q, result: fmt(r), dist: Math.abs(q - cur) });
  }
  const padOpts = opts.sort((a, b) => a.dist - b.dist).slice(0, 2);
  const strideOpts: typeof opts = [];
  const curS = Math.max(w.stride[0], w.stride[1]);
  for (let s = 1; s <= Math.max(curS * 2, 4); s++) {
    if (s === w.stride[0] && s === w.stride[1]) continue;
    const r = sizeWith(pad, [s, s]);
    if (r) strideOpts.push({ stride: s, result: fmt(r), dist: Math.abs(s - curS) });
  }
  strideOpts.sort((a, b) => a.dist - b.dist);
  return [...padOpts, ...strideOpts.slice(0, 2)].map(({ dist: _d, ...o }) => o);
}
