// Checks several layer types share: a declared `channels` against the depth that arrives.
import { t } from '../i18n/t';
import type { Shape } from '../model/types';
import type { ShapeContext } from './spec';

/** Reports a written `channels` that differs from the input depth, with the fix to what arrives. */
export function checkChannels(ctx: ShapeContext<{ readonly channels: number | undefined }>, input: Shape): void {
  const { channels } = ctx.p;
  if (channels === undefined || channels === input.depth) return;
  ctx.report('channel-mismatch', 'error', t('layerChecks.channelsMismatch', { channels, input: ctx.inputLabel(0), depth: input.depth }), ctx.spanOf('channels'), {
    related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })),
    fix: { kind: 'set-value', span: ctx.spanOf('channels'), value: String(input.depth) },
  });
}

/** "8×8×16" */
export function shapeText(s: Shape): string {
  return `${s.width}×${s.height}×${s.depth}`;
}
