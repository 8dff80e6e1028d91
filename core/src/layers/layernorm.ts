// layernorm: ConvNeXt's LayerNorm2d, normalising over depth at each position; weight and bias [depth].
import { t } from '../i18n/t';
import { CHANNEL_AFFINE } from './channelAffine';
import { checkChannels } from './checks';
import { defineLayer } from './spec';

export const layernorm = defineLayer({
  type: 'layernorm',
  summary: 'Layer normalisation over depth at each position',
  doc:
    "Layer normalisation as ConvNeXt's LayerNorm2d: at each position the depth values are normalised to mean 0 and variance 1 " +
    '(the biased variance, plus `eps`), then scaled by `weight` and shifted by `bias` (each [depth]). Shape unchanged; 2 × depth parameters. ' +
    'PyTorch: `nn.LayerNorm(C)` applied to the channels of an NHWC permutation, as torchvision\'s `LayerNorm2d` does.',
  rule: 'unchanged; normalises over depth at each position',
  aliases: ['LayerNorm', 'LayerNorm2d', 'LayerNormalization', 'ln', 'layer_norm'],
  arity: 'one',
  featureMaps: false,
  params: {
    channels: { kind: 'int', min: 1, doc: 'Optional: the depth you expect. Checked against what arrives.', aliases: ['normalized_shape', 'num_channels'] },
    eps: { kind: 'number', min: 0, minExclusive: true, default: 1e-5, doc: 'Added to the variance for stability. Default 1e-5 (ConvNeXt uses 1e-6).', aliases: ['epsilon'] },
  },
  weights: CHANNEL_AFFINE,
  shape(ctx) {
    const input = ctx.inputs[0]!;
    checkChannels(ctx, input);
    return { output: { ...input }, params: 2 * input.depth, macs: 0, arithmetic: () => [
        t('layerArithmetic.layernormPositions', { depth: input.depth, positions: `${input.width}×${input.height}` }),
        t('layerArithmetic.parameters', { text: `2·${input.depth}` }),
      ] };
  },
});
