// concat: stacks inputs along depth (Inception, U-Net); width and height must agree.
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
          `concat inputs differ in size: ${ctx.inputLabel(0)} is ${first!.width} × ${first!.height}, ${ctx.inputLabel(i)} is ${s.width} × ${s.height}`,
          ctx.layer.typeSpan, // no single value is at fault: the layer's type, as the spec asks
          { related: [...ctx.producedBy(0, `${first!.width}×${first!.height} is made here`), ...ctx.producedBy(i, `${s.width}×${s.height} is made here`)] });
      }
    });
    const depth = ctx.inputs.reduce((a, s) => a + s.depth, 0);
    return {
      // After a mismatch: the first input's width and height with the summed depth, marked as a guess.
      output: { width: first!.width, height: first!.height, depth },
      estimated: !ok,
      params: 0,
      macs: 0,
      arithmetic: () => [`depth: ${ctx.inputs.map((s) => s.depth).join(' + ')} = ${depth}`],
    };
  },
});
