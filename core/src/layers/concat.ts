// concat: stacks inputs along depth (Inception, U-Net); width and height must agree.
import { t } from '../i18n/t';
import { defineLayer } from './spec';

export const concat = defineLayer({
  type: 'concat',
  summary: 'Stack two or more inputs along depth',
  doc: 'Concat: puts its inputs one after another along depth. Width and height must agree; the depth is the sum.',
  rule: 'W and H must agree; depth = the sum of the inputs\' depths',
  aliases: ['Concatenate', 'cat', 'concatenate'],
  arity: 'many',
  featureMaps: false,
  params: {},
  shape(ctx) {
    const [first] = ctx.inputs;
    let ok = true;
    ctx.inputs.forEach((s, i) => {
      if (i > 0 && (s.width !== first!.width || s.height !== first!.height)) {
        ok = false;
        ctx.report('shape-mismatch', 'error',
          t('layerChecks.concatSize', { first: ctx.inputLabel(0), firstSize: `${first!.width} × ${first!.height}`, other: ctx.inputLabel(i), otherSize: `${s.width} × ${s.height}` }),
          ctx.layer.typeSpan, // no single value is at fault: the layer's type, as the spec asks
          { related: [...ctx.producedBy(0, t('layerChecks.shapeMadeHere', { shape: `${first!.width}×${first!.height}` })), ...ctx.producedBy(i, t('layerChecks.shapeMadeHere', { shape: `${s.width}×${s.height}` }))] });
      }
    });
    const depth = ctx.inputs.reduce((a, s) => a + s.depth, 0);
    return {
      // After a mismatch: the first input's width and height with the summed depth, marked as a guess.
      output: { width: first!.width, height: first!.height, depth },
      estimated: !ok,
      params: 0,
      macs: 0,
      arithmetic: () => [t('layerArithmetic.depth', { text: `${ctx.inputs.map((s) => s.depth).join(' + ')} = ${depth}` })],
    };
  },
});
