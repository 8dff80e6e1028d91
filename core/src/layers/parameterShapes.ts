// The tensors a layer owns, in PyTorch's layouts: used to check inline `parameters:` here and
// safetensors files in the runner. conv weight [filters, depth/groups, kh, kw], dense [units, in].
import type { LayerDecl, Pair, Shape } from '../model/types';

export function expectedParameters(decl: LayerDecl, input: Shape): Record<string, number[]> {
  const p = <T>(k: string, d: T): T => (decl.params.get(k)?.value as T | undefined) ?? d;
  switch (decl.type) {
    case 'conv': {
      const filters = p<number>('filters', 1);
      const k = p<Pair>('kernel', [1, 1]);
      const groups = p<number>('groups', 1);
      const out: Record<string, number[]> = { weight: [filters, Math.floor(input.depth / groups), k[0], k[1]] };
      if (p<boolean>('bias', true)) out['bias'] = [filters];
      return out;
    }
    case 'dense': {
      const units = p<number>('units', 1);
      const out: Record<string, number[]> = { weight: [units, input.width * input.height * input.depth] };
      if (p<boolean>('bias', true)) out['bias'] = [units];
      return out;
    }
    case 'batchnorm': {
      const c = input.depth;
      return { weight: [c], bias: [c], running_mean: [c], running_var: [c] };
    }
    default:
      return {};
  }
}

export function shapeText(s: readonly number[]): string {
  return `[${s.join(', ')}]`;
}
