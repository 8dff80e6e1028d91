// globalavgpool and globalmaxpool: one value per channel, 1 × 1 × D.
import { defineLayer } from './spec';

function globalPool(type: 'globalavgpool' | 'globalmaxpool', what: string, aliases: readonly string[]) {
  return defineLayer({
    type,
    summary: `Global ${what.toLowerCase()} pooling: 1 × 1 × depth`,
    doc: `Global ${what.toLowerCase()} pooling: the ${what.toLowerCase()} of each channel over the whole map. Output 1 × 1 × D.`,
    rule: '1 × 1 × D',
    aliases,
    arity: 'one',
    featureMaps: false,
    params: {},
    shape(ctx) {
      const d = ctx.inputs[0]!.depth;
      return { output: { width: 1, height: 1, depth: d }, params: 0, macs: 0, field: { global: true }, arithmetic: () => [`1 × 1 × ${d}`] };
    },
  });
}

export const globalavgpool = globalPool('globalavgpool', 'Average', ['GlobalAveragePooling2D', 'gap']);
export const globalmaxpool = globalPool('globalmaxpool', 'Max', ['GlobalMaxPooling2D', 'gmp']);
