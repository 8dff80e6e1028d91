// Checks several layer types share: a declared `channels` against the depth that arrives.
import type { Shape } from '../model/types';
import type { ShapeContext } from './spec';

/** Reports a written `channels` that differs from the input depth, with the fix to what arrives. */
export function checkChannels(ctx: ShapeContext<{ readonly channels: number | undefined }>, input: Shape): void {
  const { channels } = ctx.p;
  if (channels === undefined || channels === input.depth) return;
  ctx.report('channel-mismatch', 'error', `channels is ${channels} but ${ctx.inputLabel(0)} gives depth ${input.depth}`, ctx.spanOf('channels'), {
    related: ctx.producedBy(0, `depth ${input.depth} is made here`),
    fix: { kind: 'set-value', span: ctx.spanOf('channels'), value: String(input.depth) },
  });
}

/** "8×8×16" */
export function shapeText(s: Shape): string {
  return `${s.width}×${s.height}×${s.depth}`;
}
