// pixelunshuffle: space to depth, the inverse of pixelshuffle.
import { t } from '../i18n/t';
import { formatNumber } from '../shape/outputSize';
import { shapeText } from './checks';
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
      const axes = t(input.width % r !== 0 && input.height % r !== 0 ? 'layerChecks.axisWidthAndHeight' : input.width % r !== 0 ? 'layerChecks.axisWidth' : 'layerChecks.axisHeight');
      ctx.report('shape-mismatch', 'error', t('layerChecks.pixelunshuffleSize', { factor: r, input: ctx.inputLabel(0), size: `${input.width} × ${input.height}`, axes }), ctx.spanOf('factor'), {
        related: ctx.producedBy(0, t('layerChecks.mapMadeHere', { shape: shapeText(input) })),
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
      arithmetic: () => [
        t('layerArithmetic.width', { text: `${input.width}/${r} = ${fmt(input.width)}` }),
        t('layerArithmetic.height', { text: `${input.height}/${r} = ${fmt(input.height)}` }),
        t('layerArithmetic.depth', { text: `${input.depth}·${r}² = ${input.depth * r * r}` }),
      ],
    };
  },
});
