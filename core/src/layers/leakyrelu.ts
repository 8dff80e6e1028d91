// leakyrelu: x for x ≥ 0, slope·x below.
import { defineLayer } from './spec';

export const leakyrelu = defineLayer({
  type: 'leakyrelu',
  summary: 'Leaky ReLU: x, or slope·x below 0',
  doc: 'Leaky ReLU: keeps positive values, multiplies negative ones by `slope`. Shape unchanged.',
  rule: 'unchanged',
  aliases: ['LeakyReLU', 'leaky_relu'],
  arity: 'one',
  featureMaps: false,
  params: {
    slope: { kind: 'number', default: 0.01, doc: 'The factor for negative values. Default 0.01 (PyTorch negative_slope).', aliases: ['negative_slope', 'alpha'] },
  },
  shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
});
