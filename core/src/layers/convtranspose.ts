// convtranspose: a 2-D transposed convolution (PyTorch ConvTranspose2d, Keras Conv2DTranspose), the
// upsampling layer of GAN generators and U-Net decoders. Per axis:
//   out = (n − 1)·s − 2p + d(k − 1) + output_padding + 1
// Decisions where the format spec is silent (PyTorch has no `same` here):
// - `padding: same` gives n·s (Keras' rule). The padding is d(k − 1) + 1 − s in total, the smaller half
//   first; where the kernel is shorter than the stride, the missing end is added as output padding
//   (zeros plus bias), as Keras does. `output_padding` with `same` is refused (it would change n·s).
// - `output_padding` must be smaller than the stride or the dilation (PyTorch's rule), per axis.
// - `rounding:` is accepted (the spec lists it among window layers) but a transposed convolution's size is
//   always whole, so it changes nothing.
// - Receptive field: an upsampling by the stride (the jump divides by s), then a stride-1 window of the
//   dilated kernel on that finer grid. MACs as PyTorch profilers count them: every input pixel meets
//   every tap of its group, n_h·n_w·depth·(filters/groups)·kh·kw.
import { t } from '../i18n/t';
import type { Pair, Shape } from '../model/types';
import { defineLayer, type ShapeContext, type WindowGeometry } from './spec';
import { shapeText } from './checks';
import { BIAS, DILATION, IN_CHANNELS, checkConvChannels } from './convolution';
import { padPair } from './window';

export const convtranspose = defineLayer({
  type: 'convtranspose',
  summary: 'Transposed convolution: upsamples by `stride` with learned kernels',
  doc:
    'A 2-D transposed convolution (PyTorch `ConvTranspose2d`): each input value scatters a kernel × kernel × (filters/groups) patch into the output, ' +
    'placed `stride` apart; `padding` trims each side. Output per axis: `(n − 1)·s − 2p + d(k − 1) + output_padding + 1`; `padding: same` gives `n·s`. ' +
    'Depth = `filters`. `output_padding` (smaller than the stride or the dilation) adds rows and columns at the end. ' +
    "Receptive field: treated as an upsampling by the stride followed by a stride-1 window of the dilated kernel. Weights `[depth, filters/groups, kh, kw]` (PyTorch's layout).",
  rule: 'per axis (n − 1)·s − 2p + d(k − 1) + output_padding + 1; `same`: n·s; depth = filters',
  aliases: ['ConvTranspose2d', 'Conv2DTranspose', 'deconv', 'deconvolution', 'transposedconv', 'conv_transpose2d'],
  arity: 'one',
  featureMaps: true,
  rounding: true,
  params: {
    filters: { kind: 'int', min: 1, required: true, doc: 'Number of filters: the depth of the output.', aliases: ['out_channels', 'num_filters'] },
    kernel: { kind: 'pair', min: 1, required: true, doc: 'Kernel size: an integer, or [height, width].', aliases: ['kernel_size'] },
    stride: { kind: 'pair', min: 1, default: 1, doc: 'Stride: the upsampling factor (input values land this far apart). An integer or [height, width].', aliases: ['strides'] },
    padding: { kind: 'padding', default: 0, doc: "Rows and columns removed from each side of the full output: an integer, [height, width], `same` (output = n·stride, Keras' rule) or `valid` (= 0)." },
    output_padding: { kind: 'pair', min: 0, default: 0, doc: 'Extra rows and columns at the end (bottom, right), to reach an exact size. Must be smaller than the stride or the dilation (PyTorch).' },
    dilation: DILATION,
    groups: { kind: 'int', min: 1, default: 1, doc: 'Split input and output channels into this many groups. Must divide both the input depth and `filters`.' },
    bias: BIAS,
    in_channels: IN_CHANNELS,
  },
  weights: {
    layout: { weight: '[depth, filters/groups, kh, kw]', bias: '[filters] (when bias)' },
    shapes: (p, input) => ({
      weight: [input.depth, Math.floor(p.filters / p.groups), p.kernel[0], p.kernel[1]],
      ...(p.bias ? { bias: [p.filters] } : {}),
    }),
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { filters, groups, kernel, stride, dilation, in_channels } = ctx.p;
    const op = ctx.p.output_padding;
    checkConvChannels(ctx, input, filters, groups, in_channels);
    const pad = padPair(ctx.p.padding);
    checkOutputPadding(ctx, pad, op, stride, dilation);
    const n: Pair = [input.height, input.width];
    const axis = (i: 0 | 1): TransposedAxis => transposedAxis(n[i], kernel[i], stride[i], pad === 'same' ? 'same' : pad[i], dilation[i], op[i]);
    const axes = [axis(0), axis(1)] as const;
    if (axes[0].size < 1 || axes[1].size < 1) reportEmpty(ctx, input, axes);
    const perTap = input.depth * Math.floor(filters / groups) * kernel[0] * kernel[1];
    const geometry: WindowGeometry = {
      kernel: [dilation[0] * (kernel[0] - 1) + 1, dilation[1] * (kernel[1] - 1) + 1],
      stride,
      padding: [axes[0].begin, axes[1].begin],
    };
    return {
      output: { width: axes[1].size, height: axes[0].size, depth: filters },
      params: perTap + (ctx.p.bias ? filters : 0),
      macs: input.height * input.width * perTap,
      field: { transposed: geometry },
      arithmetic: () => [t('layerArithmetic.width', { text: axes[1].text }), t('layerArithmetic.height', { text: axes[0].text }), t('layerArithmetic.depthFilters', { filters })],
    };
  },
});

export interface TransposedAxis {
  size: number;
  /** Padding removed at the start (same: the smaller half). */
  begin: number;
  text: string;
}

/** One axis of a transposed convolution: its size, where it starts, and the arithmetic as text. */
export function transposedAxis(n: number, k: number, s: number, p: number | 'same', d: number, op: number): TransposedAxis {
  if (p === 'same') {
    const total = Math.max(d * (k - 1) + 1 - s, 0);
    return { size: n * s, begin: Math.floor(total / 2), text: t('layerArithmetic.sameTransposed', { n, s, size: n * s }) };
  }
  const size = (n - 1) * s - 2 * p + d * (k - 1) + op + 1;
  const kernelText = d === 1 ? `${k}` : `${d}·(${k} − 1) + 1`;
  return { size, begin: p, text: `(${n} − 1)·${s} − 2·${p} + ${kernelText}${op ? ` + ${op}` : ''} = ${size}` };
}

/** PyTorch: "output padding must be smaller than either stride or dilation"; and `same` fixes the size. */
function checkOutputPadding(ctx: ShapeContext, pad: Pair | 'same', op: Pair, stride: Pair, dilation: Pair): void {
  if (!ctx.has('output_padding')) return;
  const span = ctx.spanOf('output_padding');
  if (pad === 'same') {
    if (op[0] !== 0 || op[1] !== 0) {
      ctx.report('out-of-range', 'error', t('layerChecks.outputPaddingSame', { value: pairText(op) }), span,
        { fix: { kind: 'replace', span, suggestions: [{ text: '0', title: t('layerChecks.setOutputPadding', { value: 0 }) }] } });
    }
    return;
  }
  const bad = ([0, 1] as const).filter((i) => op[i] >= stride[i] && op[i] >= dilation[i]);
  if (bad.length === 0) return;
  const i = bad[0]!;
  const limit = Math.max(stride[i], dilation[i]);
  const fixed: Pair = [Math.min(op[0], Math.max(stride[0], dilation[0]) - 1), Math.min(op[1], Math.max(stride[1], dilation[1]) - 1)];
  ctx.report('out-of-range', 'error',
    bad.length === 2
      ? t('layerChecks.outputPaddingTooLarge', { value: op[i], stride: stride[i], dilation: dilation[i], max: limit - 1 })
      : t('layerChecks.outputPaddingTooLargeAxis', { axis: t(i === 0 ? 'layerChecks.axisHeight' : 'layerChecks.axisWidth'), value: op[i], stride: stride[i], dilation: dilation[i], max: limit - 1 }),
    span, { fix: { kind: 'replace', span, suggestions: [{ text: pairText(fixed), title: t('layerChecks.setOutputPadding', { value: pairText(fixed) }) }] } });
}

function pairText(p: Pair): string {
  return p[0] === p[1] ? String(p[0]) : `[${p[0]}, ${p[1]}]`;
}

function reportEmpty(ctx: ShapeContext, input: Shape, axes: readonly [TransposedAxis, TransposedAxis]): void {
  const i = axes[0].size < 1 ? 0 : 1;
  const names = t(axes[0].size < 1 && axes[1].size < 1 ? 'layerChecks.axisWidthAndHeight' : i === 0 ? 'layerChecks.axisHeight' : 'layerChecks.axisWidth');
  ctx.report('empty-output', 'error',
    t('layerChecks.transposedEmpty', { axes: names, arithmetic: axes[i].text }),
    ctx.has('padding') ? ctx.spanOf('padding') : ctx.layer.typeSpan,
    { related: ctx.producedBy(0, t('layerChecks.inputComesFrom', { shape: shapeText(input) })) });
}
