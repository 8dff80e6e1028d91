// upsample: nearest-neighbour enlargement by an integer factor (U-Net decoders).
import type { LayerSpec } from './spec';

export const upsample: LayerSpec = {
  type: 'upsample',
  summary: 'Nearest-neighbour upsampling by `scale`',
  doc: 'Upsample: repeats every value `scale` × `scale` times (nearest neighbour). Output W·scale × H·scale × D.',
  arity: 'one',
  params: {
    scale: { kind: 'int', min: 1, required: true, doc: 'The integer factor, ≥ 1, on both axes.' },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const s = ctx.get<number>('scale');
    return {
      output: { width: input.width * s, height: input.height * s, depth: input.depth },
      params: 0,
      macs: 0,
      field: { upsample: s },
      arithmetic: () => [`width: ${input.width}·${s} = ${input.width * s}`, `height: ${input.height}·${s} = ${input.height * s}`],
    };
  },
};
