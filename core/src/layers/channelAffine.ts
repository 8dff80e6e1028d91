// The weights of a normalisation that scales and shifts each channel (groupnorm, layernorm): weight
// and bias [depth], the weight starting at 1 as PyTorch's norms do.
import type { Shape } from '../model/types';
import type { WeightsSpec } from './spec';

export const CHANNEL_AFFINE: WeightsSpec<unknown> = {
  layout: { weight: '[depth]', bias: '[depth]' },
  shapes: (_p, input: Shape) => ({ weight: [input.depth], bias: [input.depth] }),
  init: { weight: 'ones' },
};
