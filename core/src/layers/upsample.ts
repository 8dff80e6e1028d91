// upsample: nearest-neighbour enlargement by an integer factor (U-Net decoders).
import { defineLayer } from './spec';

export const upsample = defineLayer({
  type: 'upsample',
  summary: 'Nearest-neighbour upsampling by `scale`',
  doc: 'Upsample: repeats every value `scale` × `scale` times (nearest neighbour). Output W·scale × H·scale × D.',
  rule: 'W·scale × H·scale × D',
  aliases: ['Upsample', 'UpSampling2D', 'interpolate', 'upsampling'],
  arity: 'one',
  featureMaps: false,
  params: {
    scale: { kind: 'int', min: 1, required: true, doc: 'The integer factor, ≥ 1, on both axes.', aliases: ['scale_factor', 'size'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const s = ctx.p.scale;
    return {
      output: { width: input.width * s, height: input.height * s, depth: input.depth },
      params: 0,
      macs: 0,
      field: { upsample: s },
      arithmetic: () => [`width: ${input.width}·${s} = ${input.width * s}`, `height: ${input.height}·${s} = ${input.height * s}`],
    };
  },
});
