// multiply: element-wise product with broadcasting (squeeze-and-excitation: 1×1×D times W×H×D).
import { t } from '../i18n/t';
import type { RelatedInfo } from '../diagnostics/diagnostic';
import { shapeText } from './checks';
import { defineLayer } from './spec';

const AXES = ['layerChecks.axisWidth', 'layerChecks.axisHeight', 'layerChecks.axisDepth'] as const;

export const multiply = defineLayer({
  type: 'multiply',
  summary: 'Element-wise product of two or more inputs, with broadcasting',
  doc:
    'Multiply: the product of its inputs value by value, as the squeeze-and-excitation gate does (1 × 1 × D times W × H × D). ' +
    "On each of width, height and depth the inputs must agree or be 1, and the output takes the larger size (PyTorch's broadcasting, `a * b`).",
  rule: 'on each of W, H and D the inputs agree or are 1; output: the larger on each',
  aliases: ['Multiply', 'mul', 'product', 'prod', 'scale_channels'],
  arity: 'many',
  featureMaps: false,
  params: {},
  shape(ctx) {
    const inputs = ctx.inputs;
    const first = inputs[0]!;
    const out = [first.width, first.height, first.depth];
    // Which input gave each axis its size, to name it in a message.
    const from = [0, 0, 0];
    let ok = true;
    for (let i = 1; i < inputs.length; i++) {
      const s = inputs[i]!;
      const dims = [s.width, s.height, s.depth];
      const bad: number[] = [];
      for (let a = 0; a < 3; a++) {
        if (dims[a] === out[a] || dims[a] === 1) continue;
        if (out[a] === 1) {
          out[a] = dims[a]!;
          from[a] = i;
        } else bad.push(a);
      }
      if (bad.length === 0) continue;
      ok = false;
      const j = from[bad[0]!]!;
      const other = inputs[j]!;
      // "width and height and depth": each pair joined as one message (common.and).
      const names = bad.map((a) => t(AXES[a]!)).reduceRight((b, a) => t('common.and', { a, b }));
      const related: RelatedInfo[] = [...ctx.producedBy(j, t('layerChecks.shapeMadeHere', { shape: shapeText(other) })), ...ctx.producedBy(i, t('layerChecks.shapeMadeHere', { shape: shapeText(s) }))];
      ctx.report(bad.some((a) => a < 2) ? 'shape-mismatch' : 'channel-mismatch', 'error',
        t('layerChecks.multiplyBroadcast', { first: ctx.inputLabel(j), firstShape: shapeText(other), other: ctx.inputLabel(i), otherShape: shapeText(s), axes: names }),
        ctx.layer.typeSpan, // no single value is at fault: the layer's type, as for add
        { related });
    }
    const output = { width: out[0]!, height: out[1]!, depth: out[2]! };
    return {
      output,
      params: 0,
      macs: 0,
      estimated: !ok,
      arithmetic: () => [t('layerArithmetic.multiplyBroadcast', { shapes: inputs.map(shapeText).join(' ⊙ '), output: shapeText(output) })],
    };
  },
});
