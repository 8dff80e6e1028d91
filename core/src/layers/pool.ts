// Shared rule of maxpool and avgpool (see maxpool.ts, avgpool.ts): a window with no weights.
import { t } from '../i18n/t';
import { defineLayer } from './spec';
import { padPair, windowOutput } from './window';

export function poolSpec<T extends 'maxpool' | 'avgpool'>(type: T, what: string, aliases: readonly string[]) {
  return defineLayer({
    type,
    summary: `${what} pooling over kernel × kernel windows`,
    doc:
      `${what} pooling: takes the ${what.toLowerCase()} of each kernel × kernel window, moving by \`stride\` (default: the kernel size). ` +
      'Depth is unchanged. Output size per axis: `(W − F + 2P)/S + 1`; with `rounding: ceil`, PyTorch\'s `ceil_mode` rule.',
    rule: "per axis (W − F + 2P)/S + 1; `same`: ceil(n / s); `ceil` rounding follows PyTorch's ceil_mode; depth unchanged",
    aliases,
    arity: 'one',
    featureMaps: true,
    rounding: true,
    params: {
      kernel: { kind: 'pair', min: 1, required: true, doc: 'Window size F: an integer or [height, width].', aliases: ['kernel_size', 'pool_size'] },
      stride: { kind: 'pair', min: 1, defaultFrom: 'kernel', doc: 'How far the window moves each step. Default: the kernel size. An integer or [height, width].', aliases: ['strides'] },
      padding: { kind: 'padding', default: 0, doc: 'Padding P on each side (at most half the kernel, as PyTorch requires), `same` or `valid`.' },
    },
    shape(ctx) {
      const input = ctx.inputs[0]!;
      const { kernel, padding } = ctx.p;
      const pad = padPair(padding);
      if (pad !== 'same' && (pad[0] * 2 > kernel[0] || pad[1] * 2 > kernel[1])) {
        const i = pad[0] * 2 > kernel[0] ? 0 : 1;
        ctx.report('padding-too-large', 'error',
          t('layerChecks.poolPadding', { padding: pad[i], kernel: kernel[i] }),
          ctx.spanOf('padding'));
      }
      const { size, text, geometry } = windowOutput(ctx, input, { kernel, stride: ctx.p.stride, padding, dilation: [1, 1], pooling: true });
      return {
        output: { width: size[1], height: size[0], depth: input.depth },
        params: 0,
        macs: 0,
        field: { window: geometry },
        arithmetic: () => [t('layerArithmetic.width', { text: text(1) }), t('layerArithmetic.height', { text: text(0) }), t('layerArithmetic.depthUnchanged', { depth: input.depth })],
      };
    },
  });
}
