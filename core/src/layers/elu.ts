// elu: x for x > 0, alpha·(e^x − 1) below (PyTorch ELU).
import { defineLayer } from './spec';

export const elu = defineLayer({
  type: 'elu',
  summary: 'ELU: x, or alpha·(e^x − 1) below 0',
  doc: 'ELU: keeps positive values; a negative x becomes `alpha`·(e^x − 1). Shape unchanged.',
  rule: 'unchanged',
  aliases: ['ELU'],
  arity: 'one',
  featureMaps: false,
  params: {
    alpha: { kind: 'number', default: 1.0, doc: 'The scale of the negative part. Default 1.0 (PyTorch).' },
  },
  shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
});
