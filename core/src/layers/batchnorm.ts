// batchnorm: BatchNorm2d in inference mode; its weight and bias are 2·D parameters.
import { t } from '../i18n/t';
import { defineLayer } from './spec';

export const batchnorm = defineLayer({
  type: 'batchnorm',
  summary: 'Batch normalisation per channel',
  doc: 'Batch normalisation: each channel is normalised with its running mean and variance, then scaled and shifted. Shape unchanged; 2 × depth parameters.',
  rule: 'unchanged',
  aliases: ['BatchNorm2d', 'BatchNormalization', 'bn', 'batch_norm'],
  arity: 'one',
  featureMaps: false,
  params: {
    channels: { kind: 'int', min: 1, doc: 'Optional: the depth you expect. Checked against what arrives.', aliases: ['num_features'] },
    eps: { kind: 'number', min: 0, minExclusive: true, default: 1e-5, doc: 'Added to the variance for stability. Default 1e-5.', aliases: ['epsilon'] },
  },
  weights: {
    layout: { weight: '[depth]', bias: '[depth]', running_mean: '[depth]', running_var: '[depth]' },
    shapes: (_p, input) => ({ weight: [input.depth], bias: [input.depth], running_mean: [input.depth], running_var: [input.depth] }),
    init: { weight: 'ones', running_var: 'ones' },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { channels } = ctx.p;
    if (channels !== undefined && channels !== input.depth) {
      ctx.report('channel-mismatch', 'error', t('layerChecks.channelsMismatch', { channels, input: ctx.inputLabel(0), depth: input.depth }),
        ctx.spanOf('channels'),
        { related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })), fix: { kind: 'set-value', span: ctx.spanOf('channels'), value: String(input.depth) } });
    }
    return { output: { ...input }, params: 2 * input.depth, macs: 0 };
  },
});
