// crop: removes rows and columns at the sides, by amount or to another layer's size (U-Net's crop-and-concat).
import { t } from '../i18n/t';
import { shapeText } from './checks';
import { defineLayer } from './spec';

export const crop = defineLayer({
  type: 'crop',
  summary: "Crops the map by `amount`, or to the centre of another layer's size (`like`)",
  doc:
    'Crop: removes rows and columns at the sides. Give either `amount` (an integer, `[height, width]` or `[top, bottom, left, right]`) ' +
    "or `like: <layer>`, which crops the centre to that layer's width × height: the top and left lose floor(difference / 2), the bottom and " +
    "right the rest, as U-Net's crop-and-concat does (PyTorch: `x[:, :, top:H - bottom, left:W - right]`). Depth unchanged.",
  rule: "(W − left − right) × (H − top − bottom) × D; `like`: the other layer's W × H, the centre",
  aliases: ['Cropping2D', 'CenterCrop', 'center_crop', 'cropping'],
  arity: 'one',
  featureMaps: true,
  params: {
    amount: { kind: 'sides', doc: 'Rows and columns to remove: an integer (all sides), [height, width] or [top, bottom, left, right]. Either this or `like`.', aliases: ['cropping'] },
    like: { kind: 'ref', doc: "A layer's name: crop the centre to its width × height. Either this or `amount`.", aliases: ['to', 'target', 'size'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { amount, like } = ctx.p;
    if (amount !== undefined && like !== undefined) {
      ctx.report('conflicting-parameters', 'error', t('layerChecks.cropBoth'), ctx.spanOf('like'), {
        related: [{ span: ctx.spanOf('amount'), message: t('layerChecks.cropAmountHere') }],
      });
    }
    if (amount === undefined && like === undefined) {
      ctx.report('missing-parameter', 'error', t('layerChecks.cropNeither'), ctx.layer.typeSpan);
      return { output: { ...input }, params: 0, macs: 0, estimated: true };
    }
    if (amount !== undefined) {
      const [top, b, l, r] = amount;
      const width = input.width - l - r;
      const height = input.height - top - b;
      if (width < 1 || height < 1) {
        const w = t('layerChecks.cropWidthLeft', { n: input.width, left: l, right: r, size: width });
        const h = t('layerChecks.cropHeightLeft', { n: input.height, top, bottom: b, size: height });
        const msg = width < 1 && height < 1 ? t('layerChecks.cropEmptyBoth', { width: w, height: h }) : t('layerChecks.cropEmptyAxis', { axis: width < 1 ? w : h });
        ctx.report('empty-output', 'error', msg, ctx.spanOf('amount'), {
          related: ctx.producedBy(0, t('layerChecks.inputComesFrom', { shape: shapeText(input) })),
        });
      }
      return {
        output: { width, height, depth: input.depth },
        params: 0,
        macs: 0,
        estimated: like !== undefined, // both given: which one was meant is a guess
        arithmetic: () => [t('layerArithmetic.width', { text: `${input.width} − ${l} − ${r} = ${width}` }), t('layerArithmetic.height', { text: `${input.height} − ${top} − ${b} = ${height}` })],
      };
    }
    const target = ctx.refShape('like');
    if (!target) return { output: { ...input }, params: 0, macs: 0, estimated: true };
    const dw = input.width - target.width;
    const dh = input.height - target.height;
    if (dw < 0 || dh < 0) {
      const axes = t(dw < 0 && dh < 0 ? 'layerChecks.axisWidthAndHeight' : dw < 0 ? 'layerChecks.axisWidth' : 'layerChecks.axisHeight');
      ctx.report('shape-mismatch', 'error',
        t('layerChecks.cropEnlarge', { input: ctx.inputLabel(0), inputSize: `${input.width} × ${input.height}`, axes, like: like ?? '', likeSize: `${target.width} × ${target.height}` }),
        ctx.spanOf('like'),
        { related: [...ctx.producedBy(0, t('layerChecks.shapeMadeHere', { shape: shapeText(input) })), ...ctx.refProducedBy('like', t('layerChecks.shapeMadeHere', { shape: shapeText(target) }))] });
    }
    const centre = (id: 'layerArithmetic.cropCentreWidth' | 'layerArithmetic.cropCentreHeight', n: number, target: number) => {
      const first = Math.floor((n - target) / 2);
      return t(id, { n, target, diff: n - target, first, second: n - target - first });
    };
    return {
      output: { width: target.width, height: target.height, depth: input.depth },
      params: 0,
      macs: 0,
      estimated: dw < 0 || dh < 0,
      arithmetic: () => [centre('layerArithmetic.cropCentreWidth', input.width, target.width), centre('layerArithmetic.cropCentreHeight', input.height, target.height)],
    };
  },
});
