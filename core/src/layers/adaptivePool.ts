// Shared rule of adaptiveavgpool and adaptivemaxpool (PyTorch AdaptiveAvgPool2d / AdaptiveMaxPool2d):
// the output has `size` cells per axis whatever the input; cell i covers the input from
// floor(i·n/o) to ceil((i + 1)·n/o) (exclusive), so windows may differ in size and overlap.
// Receptive field (the spec is silent): a window as large as the largest cell, moving n/o per cell
// (a fractional jump where o does not divide n).
import { t } from '../i18n/t';
import type { Pair } from '../model/types';
import { defineLayer } from './spec';

/** Start (inclusive) and end (exclusive) of output cell i of o over an input of n, as PyTorch computes them. */
export function adaptiveWindow(i: number, n: number, o: number): [number, number] {
  return [Math.floor((i * n) / o), Math.ceil(((i + 1) * n) / o)];
}

/** The largest window along one axis. Sizes repeat every o/gcd(n, o) cells; past 4,096 of them the
 *  bound ceil(n/o) + 1 is taken rather than looping over a user's number. */
export function largestWindow(n: number, o: number): number {
  if (n % o === 0) return n / o;
  const period = o / gcd(n, o);
  if (period > 4096) return Math.ceil(n / o) + 1;
  let best = 0;
  for (let i = 0; i < period; i++) {
    const [a, b] = adaptiveWindow(i, n, o);
    best = Math.max(best, b - a);
  }
  return best;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Window sizes along one axis, for the hover: "3, 4, 3" (or the two sizes and a count when long). */
function windowsText(n: number, o: number): string {
  if (n % o === 0) return t('layerArithmetic.adaptiveEvery', { k: n / o });
  const sizes: number[] = [];
  for (let i = 0; i < Math.min(o, 8); i++) {
    const [a, b] = adaptiveWindow(i, n, o);
    sizes.push(b - a);
  }
  return t('layerArithmetic.adaptiveWindows', { sizes: `${sizes.join(', ')}${o > 8 ? ', …' : ''}` });
}

export function adaptivePoolSpec<T extends 'adaptiveavgpool' | 'adaptivemaxpool'>(type: T, what: string, aliases: readonly string[]) {
  return defineLayer({
    type,
    summary: `Adaptive ${what.toLowerCase()} pooling to a fixed \`size\``,
    doc:
      `Adaptive ${what.toLowerCase()} pooling (PyTorch \`Adaptive${what === 'Average' ? 'Avg' : 'Max'}Pool2d\`): the output is \`size\` × depth whatever the input; ` +
      'output cell i takes the ' + what.toLowerCase() + ' of input `floor(i·n/o)` to `ceil((i + 1)·n/o)`, so windows may differ by one and overlap. ' +
      'Receptive field: a window as large as the largest cell, moving n/o input pixels per cell.',
    rule: '`size` per axis (o); cell i covers input floor(i·n/o) … ceil((i + 1)·n/o); depth unchanged',
    aliases,
    arity: 'one',
    featureMaps: true,
    params: {
      size: { kind: 'pair', min: 1, required: true, doc: 'Output size o: an integer, or [height, width].', aliases: ['output_size'] },
    },
    shape(ctx) {
      const input = ctx.inputs[0]!;
      const o = ctx.p.size;
      const n: Pair = [input.height, input.width];
      return {
        output: { width: o[1], height: o[0], depth: input.depth },
        params: 0,
        macs: 0,
        field: { window: { kernel: [largestWindow(n[0], o[0]), largestWindow(n[1], o[1])], stride: [n[0] / o[0], n[1] / o[1]], padding: [0, 0] } },
        arithmetic: () => [
          t('layerArithmetic.adaptiveWidth', { size: o[1], n: n[1], windows: windowsText(n[1], o[1]) }),
          t('layerArithmetic.adaptiveHeight', { size: o[0], n: n[0], windows: windowsText(n[0], o[0]) }),
          t('layerArithmetic.depthUnchanged', { depth: input.depth }),
        ],
      };
    },
  });
}
