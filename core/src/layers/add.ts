// add: element-wise sum of two or more maps of the same W × H × D (ResNet shortcuts).
import { t } from '../i18n/t';
import type { FixData } from '../diagnostics/diagnostic';
import type { LayerDecl } from '../model/types';
import { shapeText } from './checks';
import { defineLayer } from './spec';

/** The fix for a depth mismatch: a 1×1 convolution on the shallower input, to the deeper one's depth (ResNet's projection shortcut). */
function projection(layer: LayerDecl, i: number, depth0: number, depthI: number): { fix?: FixData } {
  const k = depth0 < depthI ? 0 : i;
  const ref = layer.inputs?.[k];
  if (!ref || layer.block || ref.unresolved) return {};
  return { fix: { kind: 'projection', layerIndex: layer.index, ref: ref.span, source: ref.name, filters: Math.max(depth0, depthI) } };
}

export const add = defineLayer({
  type: 'add',
  summary: 'Element-wise sum of two or more inputs',
  doc: 'Add: sums its inputs value by value, as a ResNet shortcut does. All inputs must have the same width, height and depth.',
  rule: 'all inputs must have the same W, H and D; output: that shape',
  aliases: ['Add', 'sum', 'residual', 'shortcut'],
  arity: 'many',
  featureMaps: false,
  params: {},
  shape(ctx) {
    const [first, ...rest] = ctx.inputs;
    let ok = true;
    rest.forEach((s, j) => {
      const i = j + 1;
      if (s.width !== first!.width || s.height !== first!.height) {
        ok = false;
        ctx.report('shape-mismatch', 'error',
          t('layerChecks.addSize', { first: ctx.inputLabel(0), firstSize: `${first!.width} × ${first!.height}`, other: ctx.inputLabel(i), otherSize: `${s.width} × ${s.height}` }),
          ctx.layer.typeSpan, // no single value is at fault: the layer's type, as the spec asks
          { related: [...ctx.producedBy(0, t('layerChecks.shapeMadeHere', { shape: shapeText(first!) })), ...ctx.producedBy(i, t('layerChecks.shapeMadeHere', { shape: shapeText(s) }))] });
      } else if (s.depth !== first!.depth) {
        ok = false;
        ctx.report('channel-mismatch', 'error',
          t('layerChecks.addDepth', { first: ctx.inputLabel(0), firstDepth: first!.depth, other: ctx.inputLabel(i), otherDepth: s.depth }),
          ctx.layer.typeSpan, // no single value is at fault: the layer's type, as the spec asks
          { related: [...ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: first!.depth })), ...ctx.producedBy(i, t('layerChecks.depthMadeHere', { depth: s.depth }))], ...projection(ctx.layer, i, first!.depth, s.depth) });
      }
    });
    // After a mismatch the first input's shape is the best guess, so that checking goes on.
    return { output: { ...first! }, params: 0, macs: 0, estimated: !ok };
  },
});
