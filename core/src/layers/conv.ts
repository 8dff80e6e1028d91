// conv: a 2-D convolution (PyTorch Conv2d, Keras Conv2D).
import { t } from '../i18n/t';
import { BIAS, DILATION, IN_CHANNELS, checkConvChannels } from './convolution';
import { defineLayer } from './spec';
import { windowOutput } from './window';

export const conv = defineLayer({
  type: 'conv',
  summary: '2-D convolution: slides `filters` kernels over the input',
  doc:
    'A 2-D convolution: each of the `filters` kernels (kernel × kernel × depth/groups weights) slides over the input by `stride`, ' +
    'after `padding` zeros are added on each side. Output size per axis: `(W − F + 2P)/S + 1`, depth = `filters`.',
  rule: 'per axis (n + 2p − d(k − 1) − 1)/s + 1, which is (W − F + 2P)/S + 1 without dilation; `same`: ceil(n / s); depth = filters',
  aliases: ['Conv2d', 'Conv2D', 'Convolution2D', 'convolution'],
  arity: 'one',
  featureMaps: true,
  rounding: true,
  params: {
    filters: { kind: 'int', min: 1, required: true, doc: 'Number of filters (kernels): the depth of the output.', aliases: ['out_channels', 'num_filters'] },
    kernel: { kind: 'pair', min: 1, required: true, doc: 'Filter size F: an integer, or [height, width].', aliases: ['kernel_size'] },
    stride: { kind: 'pair', min: 1, default: 1, doc: 'Stride: how far the filter moves each step. An integer or [height, width].', aliases: ['strides'] },
    padding: { kind: 'padding', default: 0, doc: "Zero padding P on each side: an integer, [height, width], `same` (output = ceil(n / stride), TensorFlow's rule) or `valid` (= 0)." },
    dilation: DILATION,
    groups: { kind: 'int', min: 1, default: 1, doc: 'Split input and output channels into this many groups (depthwise: groups = input depth). Must divide both.' },
    bias: BIAS,
    in_channels: IN_CHANNELS,
  },
  weights: {
    layout: { weight: '[filters, depth/groups, kh, kw]', bias: '[filters] (when bias)' },
    shapes: (p, input) => ({
      weight: [p.filters, Math.floor(input.depth / p.groups), p.kernel[0], p.kernel[1]],
      ...(p.bias ? { bias: [p.filters] } : {}),
    }),
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { filters, groups, kernel, in_channels } = ctx.p;
    checkConvChannels(ctx, input, filters, groups, in_channels);
    const { size, text, geometry } = windowOutput(ctx, input, {
      kernel,
      stride: ctx.p.stride,
      padding: ctx.p.padding,
      dilation: ctx.p.dilation,
      pooling: false,
    });
    const perFilter = Math.floor(input.depth / groups) * kernel[0] * kernel[1];
    const outPixels = Math.max(size[0], 0) * Math.max(size[1], 0);
    return {
      output: { width: size[1], height: size[0], depth: filters },
      params: filters * perFilter + (ctx.p.bias ? filters : 0),
      macs: outPixels * filters * perFilter,
      field: { window: geometry },
      arithmetic: () => [t('layerArithmetic.width', { text: text(1) }), t('layerArithmetic.height', { text: text(0) }), t('layerArithmetic.depthFilters', { filters })],
    };
  },
});
