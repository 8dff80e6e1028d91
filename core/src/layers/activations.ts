// relu, sigmoid, tanh, gelu: applied value by value, shape unchanged.
import type { LayerSpec } from './spec';

function elementwise(type: string, doc: string): LayerSpec {
  return {
    type,
    summary: doc,
    doc: `${doc}. Applied to every value; the shape is unchanged.`,
    arity: 'one',
    params: {},
    shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
  };
}

export const relu = elementwise('relu', 'ReLU: max(0, x)');
export const sigmoid = elementwise('sigmoid', 'Sigmoid: 1 / (1 + e^−x)');
export const tanh = elementwise('tanh', 'Hyperbolic tangent');
export const gelu = elementwise('gelu', 'GELU: x · Φ(x) (exact, as PyTorch)');
