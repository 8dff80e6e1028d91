// crop: removes rows and columns at the sides, by amount or to another layer's size (U-Net's crop-and-concat).
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
      ctx.report('conflicting-parameters', 'error', 'crop takes either `amount` or `like`, not both', ctx.spanOf('like'), {
        related: [{ span: ctx.spanOf('amount'), message: '`amount` is given here' }],
      });
    }
    if (amount === undefined && like === undefined) {
      ctx.report('missing-parameter', 'error', "crop needs `amount` (rows and columns to remove) or `like` (a layer whose size to crop to)", ctx.layer.typeSpan);
      return { output: { ...input }, params: 0, macs: 0, estimated: true };
    }
    if (amount !== undefined) {
      const [t, b, l, r] = amount;
      const width = input.width - l - r;
      const height = input.height - t - b;
      if (width < 1 || height < 1) {
        const axes = [width < 1 ? `width ${input.width} − ${l} − ${r} = ${width}` : '', height < 1 ? `height ${input.height} − ${t} − ${b} = ${height}` : ''].filter(Boolean);
        ctx.report('empty-output', 'error', `crop leaves nothing: output ${axes.join(' and ')} ${axes.length > 1 ? 'are' : 'is'} below 1`, ctx.spanOf('amount'), {
          related: ctx.producedBy(0, `the ${shapeText(input)} input comes from here`),
        });
      }
      return {
        output: { width, height, depth: input.depth },
        params: 0,
        macs: 0,
        estimated: like !== undefined, // both given: which one was meant is a guess
        arithmetic: () => [`width: ${input.width} − ${l} − ${r} = ${width}`, `height: ${input.height} − ${t} − ${b} = ${height}`],
      };
    }
    const target = ctx.refShape('like');
    if (!target) return { output: { ...input }, params: 0, macs: 0, estimated: true };
    const dw = input.width - target.width;
    const dh = input.height - target.height;
    if (dw < 0 || dh < 0) {
      const axes = dw < 0 && dh < 0 ? 'width and height' : dw < 0 ? 'width' : 'height';
      ctx.report('shape-mismatch', 'error',
        `crop cannot enlarge: ${ctx.inputLabel(0)} is ${input.width} × ${input.height}, smaller in ${axes} than '${like}' (${target.width} × ${target.height})`,
        ctx.spanOf('like'),
        { related: [...ctx.producedBy(0, `${shapeText(input)} is made here`), ...ctx.refProducedBy('like', `${shapeText(target)} is made here`)] });
    }
    const axis = (n: number, t: number, first: string, second: string) => `${n} − ${t} = ${n - t}: ${first} ${Math.floor((n - t) / 2)}, ${second} ${n - t - Math.floor((n - t) / 2)}`;
    return {
      output: { width: target.width, height: target.height, depth: input.depth },
      params: 0,
      macs: 0,
      estimated: dw < 0 || dh < 0,
      arithmetic: () => [`width: ${axis(input.width, target.width, 'left', 'right')} → ${target.width}`, `height: ${axis(input.height, target.height, 'top', 'bottom')} → ${target.height}`],
    };
  },
});
