// relu, sigmoid, tanh, gelu: applied value by value, shape unchanged.
import { defineLayer } from './spec';

export function elementwise(type: string, doc: string, aliases: readonly string[]) {
  return defineLayer({
    type,
    summary: doc,
    doc: `${doc}. Applied to every value; the shape is unchanged.`,
    rule: 'unchanged',
    aliases,
    arity: 'one',
    featureMaps: false,
    params: {},
    shape: (ctx) => ({ output: { ...ctx.inputs[0]! }, params: 0, macs: 0 }),
  });
}

export const relu = elementwise('relu', 'ReLU: max(0, x)', ['ReLU']);
export const sigmoid = elementwise('sigmoid', 'Sigmoid: 1 / (1 + e^−x)', ['Sigmoid', 'logistic']);
export const tanh = elementwise('tanh', 'Hyperbolic tangent', ['Tanh']);
export const gelu = elementwise('gelu', 'GELU: x · Φ(x) (exact, as PyTorch)', ['GELU']);
