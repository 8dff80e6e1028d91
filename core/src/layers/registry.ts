// Every layer type of the format, by name. To add a type: write its file in this folder, list it
// below (the key is its `type`), then add its ONNX translation (the runner's table fails to compile
// until you do) and run `npm run generate`. See docs/adding-a-layer-type.md.
import { gelu, relu, sigmoid, tanh } from './activations';
import { adaptiveavgpool } from './adaptiveavgpool';
import { adaptivemaxpool } from './adaptivemaxpool';
import { add } from './add';
import { avgpool } from './avgpool';
import { batchnorm } from './batchnorm';
import { concat } from './concat';
import { conv } from './conv';
import { convtranspose } from './convtranspose';
import { dense } from './dense';
import { dropout } from './dropout';
import { elu } from './elu';
import { flatten } from './flatten';
import { globalavgpool, globalmaxpool } from './globalpool';
import { hardsigmoid } from './hardsigmoid';
import { hardswish } from './hardswish';
import { leakyrelu } from './leakyrelu';
import { maxpool } from './maxpool';
import { mish } from './mish';
import { relu6 } from './relu6';
import { silu } from './silu';
import { softmax } from './softmax';
import type { LayerSpec, ParamsOf } from './spec';
import { upsample } from './upsample';
import { crop } from './crop';
import { groupnorm } from './groupnorm';
import { instancenorm } from './instancenorm';
import { layernorm } from './layernorm';
import { lrn } from './lrn';
import { multiply } from './multiply';
import { pad } from './pad';
import { pixelshuffle } from './pixelshuffle';
import { pixelunshuffle } from './pixelunshuffle';
import { scale } from './scale';
import { shuffle } from './shuffle';
import { slice } from './slice';

/** The typed table: keys are the layer types; each value keeps its parameters' types. */
export const LAYER_DEFS = {
  conv, maxpool, avgpool, globalavgpool, globalmaxpool, relu, sigmoid, tanh, gelu, softmax, leakyrelu,
  batchnorm, dropout, flatten, dense, add, concat, upsample,
  // v2
  convtranspose, adaptiveavgpool, adaptivemaxpool, relu6, silu, hardswish, hardsigmoid, mish, elu,
  // v2: normalisation, layer scale, products, padding and cropping, channel and pixel rearrangements
  layernorm, groupnorm, instancenorm, lrn, scale, multiply, pad, crop, slice, shuffle, pixelshuffle, pixelunshuffle,
} as const;

export type LayerType = keyof typeof LAYER_DEFS;
/** The complete, typed parameters of layer type T (defaults filled in by the model reader). */
export type LayerParams<T extends LayerType> = ParamsOf<(typeof LAYER_DEFS)[T]['params']>;

const ALL: readonly LayerSpec[] = Object.values(LAYER_DEFS);

export const LAYERS: ReadonlyMap<string, LayerSpec> = new Map(ALL.map((s) => [s.type, s]));
export const LAYER_TYPES: readonly string[] = ALL.map((s) => s.type);

export function isLayerType(t: string): t is LayerType {
  return LAYERS.has(t);
}

/** The `rounding:` key of a layer with a window (v2): not a parameter of the type, a key of the format. */
export const LAYER_ROUNDING_DOC =
  "This layer's own rounding of a non-whole output size, overriding the file's `rounding`: `strict`, `floor` or `ceil` (PyTorch `ceil_mode`). " +
  'Only layers with a window take it (conv, convtranspose, maxpool, avgpool).';

/** Keys every mapping layer may have besides its type's parameters (translations: layers/docs.ts). */
export const COMMON_KEY_DOCS = {
  type: 'The layer type.',
  name: 'A unique name; other layers refer to it in `inputs`, and weights use it as the `state_dict` prefix.',
  inputs: 'A layer name or a list of names to take as input (`input` is the network input). Default: the layer before.',
  parameters: 'Inline weights: `{weight: <nested list>, bias: <list>}` in PyTorch layouts.',
} as const;

/** The same, as a plain table (English; `commonKeyDocs()` in layers/docs.ts gives the user's language). */
export const COMMON_KEYS: Readonly<Record<string, string>> = COMMON_KEY_DOCS;
