// batchnorm: BatchNorm2d in inference mode; its weight and bias are 2·D parameters.
import type { LayerSpec } from './spec';

export const batchnorm: LayerSpec = {
  type: 'batchnorm',
  summary: 'Batch normalisation per channel',
  doc: 'Batch normalisation: each channel is normalised with its running mean and variance, then scaled and shifted. Shape unchanged; 2 × depth parameters.',
  arity: 'one',
  params: {
    channels: { kind: 'int', min: 1, doc: 'Optional: the depth you expect. Checked against what arrives.' },
    eps: { kind: 'number', min: 0, minExclusive: true, default: 1e-5, doc: 'Added to the variance for stability. Default 1e-5.' },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    if (ctx.has('channels') && ctx.get<number>('channels') !== input.depth) {
      ctx.report('channel-mismatch', 'error', `channels is ${ctx.get<number>('channels')} but ${ctx.inputLabel(0)} gives depth ${input.depth}`,
        ctx.spanOf('channels'),
        { related: ctx.producedBy(0, `depth ${input.depth} is made here`), fix: { kind: 'set-value', span: ctx.spanOf('channels'), value: String(input.depth) } });
    }
    return { output: { ...input }, params: 2 * input.depth, macs: 0 };
  },
};
