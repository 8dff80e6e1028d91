// dropout: identity at inference; checked only for its rate.
import type { LayerSpec } from './spec';

export const dropout: LayerSpec = {
  type: 'dropout',
  summary: 'Dropout (identity when the network runs)',
  doc: 'Dropout: during training, zeroes each value with probability `rate`; when the network runs on an image, it passes values through. Shape unchanged.',
  arity: 'one',
  params: {
    rate: { kind: 'number', min: 0, max: 1, maxExclusive: true, default: 0.5, doc: 'Probability of dropping a value, 0 ≤ rate < 1. Default 0.5.' },
  },
  shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
};
