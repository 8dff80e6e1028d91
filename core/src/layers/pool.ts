// Shared rule of maxpool and avgpool (see maxpool.ts, avgpool.ts): a window with no weights.
import type { Pair, Padding } from '../model/types';
import type { LayerSpec } from './spec';
import { padPair, windowOutput } from './window';

export function poolSpec(type: 'maxpool' | 'avgpool', what: string): LayerSpec {
  return {
    type,
    summary: `${what} pooling over kernel × kernel windows`,
    doc:
      `${what} pooling: takes the ${what.toLowerCase()} of each kernel × kernel window, moving by \`stride\` (default: the kernel size). ` +
      'Depth is unchanged. Output size per axis: `(W − F + 2P)/S + 1`; with `rounding: ceil`, PyTorch\'s `ceil_mode` rule.',
    arity: 'one',
    params: {
      kernel: { kind: 'pair', min: 1, required: true, doc: 'Window size F: an integer or [height, width].' },
      stride: { kind: 'pair', min: 1, doc: 'Stride S. Default: the kernel size. An integer or [height, width].' },
      padding: { kind: 'padding', default: 0, doc: 'Padding P on each side (at most half the kernel, as PyTorch requires), `same` or `valid`.' },
    },
    shape(ctx) {
      const input = ctx.inputs[0]!;
      const kernel = ctx.get<Pair>('kernel');
      const padding = ctx.get<Padding>('padding');
      const pad = padPair(padding);
      if (pad !== 'same' && (pad[0] * 2 > kernel[0] || pad[1] * 2 > kernel[1])) {
        const i = pad[0] * 2 > kernel[0] ? 0 : 1;
        ctx.report('padding-too-large', 'error',
          `padding ${pad[i]} is more than half the kernel ${kernel[i]}: PyTorch refuses pooling padding above kernel/2`,
          ctx.spanOf('padding'));
      }
      const { size, text, geometry } = windowOutput(ctx, input, {
        kernel,
        stride: ctx.has('stride') ? ctx.get<Pair>('stride') : kernel,
        padding,
        dilation: [1, 1],
        pooling: true,
      });
      return {
        output: { width: size[1], height: size[0], depth: input.depth },
        params: 0,
        macs: 0,
        field: { window: geometry },
        arithmetic: () => [`width: ${text(1)}`, `height: ${text(0)}`, `depth: unchanged = ${input.depth}`],
      };
    },
  };
}
