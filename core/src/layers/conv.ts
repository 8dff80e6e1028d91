// conv: a 2-D convolution (PyTorch Conv2d, Keras Conv2D).
import type { Pair, Padding, Shape } from '../model/types';
import type { LayerSpec } from './spec';
import { windowOutput } from './window';

export const conv: LayerSpec = {
  type: 'conv',
  summary: '2-D convolution: slides `filters` kernels over the input',
  doc:
    'A 2-D convolution: each of the `filters` kernels (kernel × kernel × depth/groups weights) slides over the input by `stride`, ' +
    'after `padding` zeros are added on each side. Output size per axis: `(W − F + 2P)/S + 1`, depth = `filters`.',
  arity: 'one',
  params: {
    filters: { kind: 'int', min: 1, required: true, doc: 'Number of filters (kernels): the depth of the output.' },
    kernel: { kind: 'pair', min: 1, required: true, doc: 'Filter size F: an integer, or [height, width].' },
    stride: { kind: 'pair', min: 1, default: 1, doc: 'Stride S: how far the filter moves at each step. An integer or [height, width].' },
    padding: { kind: 'padding', default: 0, doc: "Zero padding P on each side: an integer, [height, width], `same` (output = ceil(n / stride), TensorFlow's rule) or `valid` (= 0)." },
    dilation: { kind: 'pair', min: 1, default: 1, doc: 'Spacing between kernel taps: the kernel covers d(k − 1) + 1 pixels. An integer or [height, width].' },
    groups: { kind: 'int', min: 1, default: 1, doc: 'Split input and output channels into this many groups (depthwise: groups = input depth). Must divide both.' },
    bias: { kind: 'bool', default: true, doc: 'Whether each filter adds a learned bias.' },
    in_channels: { kind: 'int', min: 1, doc: 'Optional: the input depth you expect. Checked against what arrives.' },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const filters = ctx.get<number>('filters');
    const groups = ctx.get<number>('groups');
    const kernel = ctx.get<Pair>('kernel');
    if (ctx.has('in_channels') && ctx.get<number>('in_channels') !== input.depth) {
      ctx.report('channel-mismatch', 'error',
        `in_channels is ${ctx.get<number>('in_channels')} but ${ctx.inputLabel(0)} gives depth ${input.depth}`,
        ctx.spanOf('in_channels'),
        { related: ctx.producedBy(0, `depth ${input.depth} is made here`), fix: { kind: 'set-value', span: ctx.spanOf('in_channels'), value: String(input.depth) } });
    }
    if (input.depth % groups !== 0) {
      ctx.report('channel-mismatch', 'error', `groups ${groups} does not divide the ${input.depth} input channels`, ctx.spanOf('groups'),
        { related: ctx.producedBy(0, `depth ${input.depth} is made here`) });
    } else if (filters % groups !== 0) {
      ctx.report('channel-mismatch', 'error', `groups ${groups} does not divide the ${filters} filters`, ctx.spanOf('groups'));
    }
    const { size, text, geometry } = windowOutput(ctx, input, {
      kernel,
      stride: ctx.get<Pair>('stride'),
      padding: ctx.get<Padding>('padding'),
      dilation: ctx.get<Pair>('dilation'),
      pooling: false,
    });
    const perFilter = Math.floor(input.depth / groups) * kernel[0] * kernel[1];
    const output: Shape = { width: size[1], height: size[0], depth: filters };
    const outPixels = Math.max(size[0], 0) * Math.max(size[1], 0);
    return {
      output,
      params: filters * perFilter + (ctx.get<boolean>('bias') ? filters : 0),
      macs: outPixels * filters * perFilter,
      field: { window: geometry },
      arithmetic: () => [`width: ${text(1)}`, `height: ${text(0)}`, `depth: filters = ${filters}`],
    };
  },
};
