// scale: ConvNeXt's layer scale, a learned factor per channel.
import { t } from '../i18n/t';
import { checkChannels } from './checks';
import { defineLayer } from './spec';

export const scale = defineLayer({
  type: 'scale',
  summary: 'Multiplies each channel by a learned factor (layer scale)',
  doc:
    "Layer scale (ConvNeXt): multiplies each channel by its own learned factor, `weight` [depth]. Shape unchanged; depth parameters. " +
    "torchvision's ConvNeXt keeps it as `layer_scale` of shape [C, 1, 1] in the block: store it under this layer's `weight` key, " +
    'flattened to [C] (`sd["<name>.weight"] = sd.pop("<block>.layer_scale").reshape(-1)`).',
  rule: 'unchanged; each channel × its weight',
  aliases: ['layer_scale', 'LayerScale', 'gamma'],
  arity: 'one',
  featureMaps: false,
  params: {
    channels: { kind: 'int', min: 1, doc: 'Optional: the depth you expect. Checked against what arrives.', aliases: ['dim'] },
  },
  weights: {
    layout: { weight: '[depth]' },
    shapes: (_p, input) => ({ weight: [input.depth] }),
    init: { weight: 'ones' }, // PyTorch starts a norm's (and here the layer scale's) weight at 1
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    checkChannels(ctx, input);
    return { output: { ...input }, params: input.depth, macs: 0, arithmetic: () => [t('layerArithmetic.scaleChannels', { depth: input.depth }), t('layerArithmetic.parameters', { text: String(input.depth) })] };
  },
});
