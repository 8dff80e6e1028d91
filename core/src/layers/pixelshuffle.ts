// pixelshuffle: depth to space (sub-pixel convolution upsampling, ESPCN).
import { t } from '../i18n/t';
import { formatNumber } from '../shape/outputSize';
import { defineLayer } from './spec';

export const pixelshuffle = defineLayer({
  type: 'pixelshuffle',
  summary: 'Depth to space: W·r × H·r × D/r²',
  doc:
    'Pixel shuffle (PyTorch `nn.PixelShuffle(r)`): each group of r² channels becomes an r × r block of pixels: output channel c at ' +
    '(h·r + i, w·r + j) is input channel c·r² + i·r + j at (h, w). The depth must divide by r². Output W·r × H·r × D/r².',
  rule: 'W·r × H·r × D/r²; D must divide by r²',
  aliases: ['PixelShuffle', 'DepthToSpace', 'depth_to_space', 'pixel_shuffle'],
  arity: 'one',
  featureMaps: true,
  params: {
    factor: { kind: 'int', min: 1, required: true, doc: 'The upscale factor r.', aliases: ['upscale_factor', 'block_size'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const r = ctx.p.factor;
    const r2 = r * r;
    const ok = input.depth % r2 === 0;
    if (!ok) {
      ctx.report('channel-mismatch', 'error', t('layerChecks.pixelshuffleDepth', { r2, input: ctx.inputLabel(0), depth: input.depth }), ctx.spanOf('factor'), {
        related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: input.depth })),
      });
    }
    const depth = Math.floor(input.depth / r2);
    return {
      output: { width: input.width * r, height: input.height * r, depth },
      params: 0,
      macs: 0,
      estimated: !ok,
      field: { upsample: [r, r] },
      arithmetic: () => [
        t('layerArithmetic.width', { text: `${input.width}·${r} = ${input.width * r}` }),
        t('layerArithmetic.height', { text: `${input.height}·${r} = ${input.height * r}` }),
        t('layerArithmetic.depth', { text: `${input.depth}/${r}² = ${ok ? depth : formatNumber(input.depth / r2)}` }),
      ],
    };
  },
});
