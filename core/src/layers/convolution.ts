// What conv and convtranspose share: three parameters written the same way, and the check that the
// input depth, `filters` and `groups` fit together. Each layer's own file lists its parameters by name.
import { t } from '../i18n/t';
import type { Shape } from '../model/types';
import type { ParamSpec, ShapeContext } from './spec';

export const DILATION = { kind: 'pair', min: 1, default: 1, doc: 'Spacing between kernel taps: the kernel covers d(k − 1) + 1 pixels. An integer or [height, width].', aliases: ['dilation_rate'] } as const satisfies ParamSpec;
export const BIAS = { kind: 'bool', default: true, doc: 'Whether each filter adds a learned bias.', aliases: ['use_bias'] } as const satisfies ParamSpec;
export const IN_CHANNELS = { kind: 'int', min: 1, doc: 'Optional: the input depth you expect. Checked against what arrives.' } as const satisfies ParamSpec;

/** `in_channels` (if written) is the input depth; `groups` divides the input depth, then `filters`. */
export function checkConvChannels(ctx: ShapeContext, input: Shape, filters: number, groups: number, inChannels: number | undefined): void {
  if (inChannels !== undefined && inChannels !== input.depth) {
    ctx.report('channel-mismatch', 'error',
      t('layerChecks.inChannelsMismatch', { channels: inChannels, input: ctx.inputLabel(0), depth: input.depth }),
      ctx.spanOf('in_channels'),
      { related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })), fix: { kind: 'set-value', span: ctx.spanOf('in_channels'), value: String(input.depth) } });
  }
  if (input.depth % groups !== 0) {
    ctx.report('channel-mismatch', 'error', t('layerChecks.groupsInputChannels', { groups, depth: input.depth }), ctx.spanOf('groups'),
      { related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })) });
  } else if (filters % groups !== 0) {
    ctx.report('channel-mismatch', 'error', t('layerChecks.groupsFilters', { groups, filters }), ctx.spanOf('groups'));
  }
}
