// leakyrelu: x for x ≥ 0, slope·x below.
import type { LayerSpec } from './spec';

export const leakyrelu: LayerSpec = {
  type: 'leakyrelu',
  summary: 'Leaky ReLU: x, or slope·x below 0',
  doc: 'Leaky ReLU: keeps positive values, multiplies negative ones by `slope`. Shape unchanged.',
  arity: 'one',
  params: {
    slope: { kind: 'number', default: 0.01, doc: 'The factor for negative values. Default 0.01 (PyTorch negative_slope).' },
  },
  shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
};
