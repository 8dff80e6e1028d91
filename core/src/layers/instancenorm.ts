// instancenorm: InstanceNorm2d, each channel of each image normalised over its own positions.
import { t } from '../i18n/t';
import { checkChannels } from './checks';
import { defineLayer } from './spec';

export const instancenorm = defineLayer({
  type: 'instancenorm',
  summary: 'Instance normalisation: each channel over its own positions',
  doc:
    'Instance normalisation (PyTorch `nn.InstanceNorm2d`): each channel of each image is normalised over its W × H positions (biased variance, ' +
    "plus `eps`), when the network runs too: PyTorch's default `track_running_stats=False` keeps no running statistics. With `affine: true`, " +
    'each channel is then scaled by `weight` and shifted by `bias` ([depth] each, 2 × depth parameters); without, it has none. Shape unchanged.',
  rule: 'unchanged',
  aliases: ['InstanceNorm2d', 'InstanceNormalization', 'instance_norm'],
  arity: 'one',
  featureMaps: false,
  params: {
    channels: { kind: 'int', min: 1, doc: 'Optional: the depth you expect. Checked against what arrives.', aliases: ['num_features'] },
    eps: { kind: 'number', min: 0, minExclusive: true, default: 1e-5, doc: 'Added to the variance for stability. Default 1e-5.', aliases: ['epsilon'] },
    affine: { kind: 'bool', default: false, doc: 'Whether each channel has a learned weight and bias (PyTorch default false).' },
  },
  weights: {
    layout: { weight: '[depth] (when affine)', bias: '[depth] (when affine)' },
    shapes: (p, input): Record<string, number[]> => (p.affine ? { weight: [input.depth], bias: [input.depth] } : {}),
    init: { weight: 'ones' }, // PyTorch starts a norm's (and here the layer scale's) weight at 1
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    checkChannels(ctx, input);
    const params = ctx.p.affine ? 2 * input.depth : 0;
    return { output: { ...input }, params, macs: 0, arithmetic: () => [
        t('layerArithmetic.instancenormPositions', { depth: input.depth, positions: `${input.width}×${input.height}` }),
        ctx.p.affine ? t('layerArithmetic.parameters', { text: `2·${input.depth}` }) : t('layerArithmetic.parametersNoAffine'),
      ] };
  },
});
