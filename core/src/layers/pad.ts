// pad: adds rows and columns around the map: zeros, a mirror image, or the edge repeated.
import { t } from '../i18n/t';
import { shapeText } from './checks';
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
    const [top, b, l, r] = ctx.p.amount;
    if (ctx.p.mode === 'reflect') {
      const sides = [
        ['layerChecks.sideTop', top, 'layerChecks.axisHeight', input.height],
        ['layerChecks.sideBottom', b, 'layerChecks.axisHeight', input.height],
        ['layerChecks.sideLeft', l, 'layerChecks.axisWidth', input.width],
        ['layerChecks.sideRight', r, 'layerChecks.axisWidth', input.width],
      ] as const;
      const bad = sides.find(([, v, , n]) => v >= n);
      if (bad) {
        const [side, v, axis, n] = bad;
        ctx.report('padding-too-large', 'error',
          t('layerChecks.reflectTooLarge', { amount: v, side: t(side), axis: t(axis), n, max: n - 1 }),
          ctx.spanOf('amount'),
          { related: ctx.producedBy(0, t('layerChecks.inputComesFrom', { shape: shapeText(input) })) });
      }
    }
    const width = input.width + l + r;
    const height = input.height + top + b;
    return {
      output: { width, height, depth: input.depth },
      params: 0,
      macs: 0,
      arithmetic: () => [t('layerArithmetic.width', { text: `${input.width} + ${l} + ${r} = ${width}` }), t('layerArithmetic.height', { text: `${input.height} + ${top} + ${b} = ${height}` })],
    };
  },
});
