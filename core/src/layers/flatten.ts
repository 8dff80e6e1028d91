// flatten: W × H × D → 1 × 1 × (W·H·D), depth first then rows then columns (torch.flatten on NCHW).
import { defineLayer } from './spec';

export const flatten = defineLayer({
  type: 'flatten',
  summary: 'Flatten to 1 × 1 × (W·H·D)',
  doc: 'Flatten: turns the W × H × D map into a vector of W·H·D values (channel first, then rows, then columns, as `torch.flatten` on NCHW), so that `dense` can follow.',
  rule: '1 × 1 × (W·H·D), depth first, then rows, then columns',
  aliases: ['Flatten', 'reshape'],
  arity: 'one',
  featureMaps: false,
  params: {},
  shape(ctx) {
    const { width, height, depth } = ctx.inputs[0]!;
    const n = width * height * depth;
    return { output: { width: 1, height: 1, depth: n }, params: 0, macs: 0, field: { global: true }, arithmetic: () => [`${width}·${height}·${depth} = ${n}`] };
  },
});
