// pixelunshuffle: space to depth, the inverse of pixelshuffle.
import { formatNumber } from '../shape/outputSize';
import { defineLayer } from './spec';

export const pixelunshuffle = defineLayer({
  type: 'pixelunshuffle',
  summary: 'Space to depth: W/r × H/r × D·r²',
  doc:
    'Pixel unshuffle (PyTorch `nn.PixelUnshuffle(r)`): each r × r block of pixels becomes r² channels: output channel c·r² + i·r + j at ' +
    "(h, w) is input channel c at (h·r + i, w·r + j) (not ONNX SpaceToDepth's order). Width and height must divide by r. Output W/r × H/r × D·r².",
  rule: 'W/r × H/r × D·r²; W and H must divide by r',
  aliases: ['PixelUnshuffle', 'SpaceToDepth', 'space_to_depth', 'pixel_unshuffle'],
  arity: 'one',
  featureMaps: true,
  params: {
    factor: { kind: 'int', min: 1, required: true, doc: 'The downscale factor r.', aliases: ['downscale_factor', 'block_size'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const r = ctx.p.factor;
    const ok = input.width % r === 0 && input.height % r === 0;
    if (!ok) {
      const axes = input.width % r !== 0 && input.height % r !== 0 ? 'width and height' : input.width % r !== 0 ? 'width' : 'height';
      ctx.report('shape-mismatch', 'error', `pixelunshuffle needs a width and height that divide by factor ${r}, but ${ctx.inputLabel(0)} gives ${input.width} × ${input.height} (${axes})`, ctx.spanOf('factor'), {
        related: ctx.producedBy(0, `the ${input.width}×${input.height}×${input.depth} map is made here`),
      });
    }
    const width = Math.floor(input.width / r);
    const height = Math.floor(input.height / r);
    const fmt = (n: number) => formatNumber(n / r);
    return {
      output: { width, height, depth: input.depth * r * r },
      params: 0,
      macs: 0,
      estimated: !ok,
      field: { window: { kernel: [r, r], stride: [r, r], padding: [0, 0] } },
      arithmetic: () => [`width: ${input.width}/${r} = ${fmt(input.width)}`, `height: ${input.height}/${r} = ${fmt(input.height)}`, `depth: ${input.depth}·${r}² = ${input.depth * r * r}`],
    };
  },
});
