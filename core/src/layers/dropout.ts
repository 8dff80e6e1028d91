// dropout: identity at inference; checked only for its rate.
import { defineLayer } from './spec';

export const dropout = defineLayer({
  type: 'dropout',
  summary: 'Dropout (identity when the network runs)',
  doc: 'Dropout: during training, zeroes each value with probability `rate`; when the network runs on an image, it passes values through. Shape unchanged.',
  rule: 'unchanged',
  aliases: ['Dropout', 'Dropout2d'],
  arity: 'one',
  featureMaps: false,
  params: {
    rate: { kind: 'number', min: 0, max: 1, maxExclusive: true, default: 0.5, doc: 'Probability of dropping a value, 0 ≤ rate < 1. Default 0.5.', aliases: ['p'] },
  },
  shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
});
