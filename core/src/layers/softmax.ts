// softmax: normalises over depth at each position (PyTorch Softmax(dim=1) on NCHW).
import { defineLayer } from './spec';

export const softmax = defineLayer({
  type: 'softmax',
  summary: 'Softmax over depth at each position',
  doc: 'Softmax: at each position, the values across depth become probabilities that sum to 1. Shape unchanged.',
  rule: 'unchanged; normalises over depth at each position',
  aliases: ['Softmax'],
  arity: 'one',
  featureMaps: false,
  params: {},
  shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
});
