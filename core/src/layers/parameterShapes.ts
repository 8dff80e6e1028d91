// The tensors a layer owns, in PyTorch's layouts, as its type declares them (`weights` in its file):
// used to check inline `parameters:` here and safetensors files in the runner.
import type { LayerDecl, Shape } from '../model/types';
import { LAYERS } from './registry';

export function expectedParameters(decl: LayerDecl, input: Shape): Record<string, number[]> {
  return LAYERS.get(decl.type)?.weights?.shapes(decl.values, input) ?? {};
}

export function shapeText(s: readonly number[]): string {
  return `[${s.join(', ')}]`;
}
