// Every layer type of the format, by name. To add a type: write its file in this folder, list it below.
import { gelu, relu, sigmoid, tanh } from './activations';
import { add } from './add';
import { avgpool } from './avgpool';
import { batchnorm } from './batchnorm';
import { concat } from './concat';
import { conv } from './conv';
import { dense } from './dense';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { globalavgpool, globalmaxpool } from './globalpool';
import { leakyrelu } from './leakyrelu';
import { maxpool } from './maxpool';
import { softmax } from './softmax';
import type { LayerSpec } from './spec';
import { upsample } from './upsample';

const ALL: LayerSpec[] = [
  conv, maxpool, avgpool, globalavgpool, globalmaxpool, relu, sigmoid, tanh, gelu, softmax, leakyrelu,
  batchnorm, dropout, flatten, dense, add, concat, upsample,
];

export const LAYERS: ReadonlyMap<string, LayerSpec> = new Map(ALL.map((s) => [s.type, s]));
export const LAYER_TYPES: readonly string[] = ALL.map((s) => s.type);

/** Keys every mapping layer may have besides its type's parameters. */
export const COMMON_KEYS: Record<string, string> = {
  type: 'The layer type.',
  name: 'A unique name; other layers refer to it in `inputs`, and weights use it as the `state_dict` prefix.',
  inputs: 'A layer name or a list of names to take as input (`input` is the network input). Default: the layer before.',
  parameters: 'Inline weights: `{weight: <nested list>, bias: <list>}` in PyTorch layouts.',
};
