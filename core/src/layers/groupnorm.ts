// groupnorm: GroupNorm, normalising each group of depth/groups channels over the whole map.
import { t } from '../i18n/t';
import { CHANNEL_AFFINE } from './channelAffine';
import { checkChannels } from './checks';
import { formatNumber } from '../shape/outputSize';
import { defineLayer } from './spec';

export const groupnorm = defineLayer({
  type: 'groupnorm',
  summary: 'Group normalisation: channels in `groups` groups',
  doc:
    'Group normalisation (PyTorch `nn.GroupNorm(groups, C)`): the channels are split into `groups` groups of depth/groups; each group is ' +
    'normalised over its channels and all positions (biased variance, plus `eps`), then each channel is scaled by `weight` and shifted by `bias`. ' +
    '`groups` must divide the depth. Shape unchanged; 2 × depth parameters.',
  rule: 'unchanged; groups must divide the depth',
  aliases: ['GroupNorm', 'GroupNormalization', 'gn', 'group_norm'],
  arity: 'one',
  featureMaps: false,
  params: {
    groups: { kind: 'int', min: 1, required: true, doc: 'The number of channel groups; must divide the depth.', aliases: ['num_groups'] },
    channels: { kind: 'int', min: 1, doc: 'Optional: the depth you expect. Checked against what arrives.', aliases: ['num_channels'] },
    eps: { kind: 'number', min: 0, minExclusive: true, default: 1e-5, doc: 'Added to the variance for stability. Default 1e-5.', aliases: ['epsilon'] },
  },
  weights: CHANNEL_AFFINE,
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { groups } = ctx.p;
    checkChannels(ctx, input);
    if (input.depth % groups !== 0) {
      ctx.report('channel-mismatch', 'error', t('layerChecks.groupsChannelsOf', { groups, depth: input.depth, input: ctx.inputLabel(0) }), ctx.spanOf('groups'), {
        related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })),
      });
    }
    return {
      output: { ...input },
      params: 2 * input.depth,
      macs: 0,
      arithmetic: () => [
        t('layerArithmetic.groupnormGroups', { groups, depth: input.depth, ratio: formatRatio(input.depth, groups) }),
        t('layerArithmetic.parameters', { text: `2·${input.depth}` }),
      ],
    };
  },
});

function formatRatio(a: number, b: number): string {
  return formatNumber(a / b);
}
