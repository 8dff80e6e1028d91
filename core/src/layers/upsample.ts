// upsample: enlargement by an integer factor per axis (PyTorch Upsample / F.interpolate with
// scale_factor), nearest neighbour or bilinear with align_corners=False (PyTorch's default).
import { t } from '../i18n/t';
import { defineLayer } from './spec';

export const upsample = defineLayer({
  type: 'upsample',
  summary: 'Upsampling by `scale` (nearest or bilinear)',
  doc:
    'Upsample: enlarges by `scale` (an integer, or [height, width]). `mode: nearest` (default) repeats every value; ' +
    '`bilinear` interpolates as PyTorch does with `align_corners=False`. Output W·scale × H·scale × D.',
  rule: 'W·scale_w × H·scale_h × D',
  aliases: ['Upsample', 'UpSampling2D', 'interpolate', 'upsampling'],
  arity: 'one',
  featureMaps: false,
  params: {
    scale: { kind: 'pair', min: 1, required: true, doc: 'The integer factor, ≥ 1: one for both axes, or [height, width].', aliases: ['scale_factor', 'size'] },
    mode: { kind: 'enum', values: ['nearest', 'bilinear'], default: 'nearest', doc: "`nearest` (default) or `bilinear` (PyTorch's `align_corners=False`)." },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const [sh, sw] = ctx.p.scale;
    return {
      output: { width: input.width * sw, height: input.height * sh, depth: input.depth },
      params: 0,
      macs: 0,
      field: { upsample: [sh, sw] },
      arithmetic: () => [t('layerArithmetic.width', { text: `${input.width}·${sw} = ${input.width * sw}` }), t('layerArithmetic.height', { text: `${input.height}·${sh} = ${input.height * sh}` })],
    };
  },
});
