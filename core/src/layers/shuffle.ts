// shuffle: ShuffleNet's channel shuffle (interleaves the channels of `groups` groups).
import { t } from '../i18n/t';
import { defineLayer } from './spec';

export const shuffle = defineLayer({
  type: 'shuffle',
  summary: 'Channel shuffle: interleaves `groups` groups of channels',
  doc:
    "Channel shuffle (ShuffleNet; PyTorch `nn.ChannelShuffle(groups)`): the depth is viewed as `groups` × depth/groups, transposed and " +
    'flattened again, so channel g·(D/groups) + i moves to i·groups + g. `groups` must divide the depth. Shape unchanged.',
  rule: 'unchanged; groups must divide the depth',
  aliases: ['ChannelShuffle', 'channel_shuffle', 'channelshuffle'],
  arity: 'one',
  featureMaps: false,
  params: {
    groups: { kind: 'int', min: 1, required: true, doc: 'The number of groups; must divide the depth.' },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { groups } = ctx.p;
    if (input.depth % groups !== 0) {
      ctx.report('channel-mismatch', 'error', t('layerChecks.groupsChannelsOf', { groups, depth: input.depth, input: ctx.inputLabel(0) }), ctx.spanOf('groups'), {
        related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })),
      });
    }
    return { output: { ...input }, params: 0, macs: 0, arithmetic: () => [t('layerArithmetic.shuffleGroups', { depth: input.depth, groups, per: input.depth / groups })] };
  },
});
