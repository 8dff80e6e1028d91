// pad: adds rows and columns around the map: zeros, a mirror image, or the edge repeated.
import { defineLayer } from './spec';

export const pad = defineLayer({
  type: 'pad',
  summary: 'Pads the map with zeros, a reflection or the edge',
  doc:
    'Pad: adds `amount` rows and columns around the map: `zeros`, `reflect` (the mirror image without the edge, as PyTorch `ReflectionPad2d`; ' +
    'each amount must be smaller than the input size on that axis) or `replicate` (the edge repeated, `ReplicationPad2d`). ' +
    '`amount` is an integer, `[height, width]` or `[top, bottom, left, right]`; note that PyTorch writes `(left, right, top, bottom)`. ' +
    'Output (W + left + right) × (H + top + bottom) × D.',
  rule: '(W + left + right) × (H + top + bottom) × D',
  aliases: ['ZeroPad2d', 'ReflectionPad2d', 'ReplicationPad2d', 'ConstantPad2d', 'ZeroPadding2D', 'padding'],
  arity: 'one',
  featureMaps: true,
  params: {
    amount: { kind: 'sides', required: true, doc: 'Rows and columns to add: an integer (all sides), [height, width] or [top, bottom, left, right].', aliases: ['padding', 'pad'] },
    mode: { kind: 'enum', values: ['zeros', 'reflect', 'replicate'], default: 'zeros', doc: '`zeros` (default), `reflect` (mirror, without the edge) or `replicate` (the edge repeated).', aliases: ['padding_mode'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const [t, b, l, r] = ctx.p.amount;
    if (ctx.p.mode === 'reflect') {
      const sides = [['top', t, 'height', input.height], ['bottom', b, 'height', input.height], ['left', l, 'width', input.width], ['right', r, 'width', input.width]] as const;
      const bad = sides.find(([, v, , n]) => v >= n);
      if (bad) {
        const [side, v, axis, n] = bad;
        ctx.report('padding-too-large', 'error',
          `reflect padding ${v} on the ${side} is not smaller than the input ${axis} ${n}: PyTorch refuses it (use at most ${n - 1}, or mode: replicate)`,
          ctx.spanOf('amount'),
          { related: ctx.producedBy(0, `the ${input.width}×${input.height}×${input.depth} input comes from here`) });
      }
    }
    const width = input.width + l + r;
    const height = input.height + t + b;
    return {
      output: { width, height, depth: input.depth },
      params: 0,
      macs: 0,
      arithmetic: () => [`width: ${input.width} + ${l} + ${r} = ${width}`, `height: ${input.height} + ${t} + ${b} = ${height}`],
    };
  },
});
