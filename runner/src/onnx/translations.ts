// The ONNX translation of every layer type: one entry per type, keyed by the registry's types, so a
// type without a translation is a compile error here, not a failure at run time. Each entry reads the
// layer's complete, typed parameters (defaults were filled by the model reader) and adds the nodes
// that compute exactly what the checker's shape rule promises.
import type { LayerParams, LayerType, Shape } from '../../../core/src/index';
import type { Tensor } from '../weights/types';
import type { GraphBuilder } from './buildGraph';
import { adaptiveAvgPool, adaptiveMaxPool } from './adaptivePool';
import { transposedPads } from './transposedPads';
import { onnxPads } from './windowPads';

/** What a translation gets besides its parameters: tensor names and shapes around the layer. */
export interface LayerIO {
  /** The first input's tensor name. */
  x: string;
  /** Every input's tensor name, in order. */
  ins: string[];
  input: Shape;
  output: Shape;
  /** The tensor name the layer's result must have. */
  out: string;
  /** The layer's weights (throws a clear error if the layer has none). */
  weights(): Record<string, Tensor>;
}

type Translate<T extends LayerType> = (g: GraphBuilder, p: LayerParams<T>, io: LayerIO) => void;

const unary = (opType: string): Translate<LayerType> => (g, _p, io) => {
  g.op(opType, [io.x], {}, io.out);
};

/** A per-channel tensor [D] as [1, D, 1, 1], so that it broadcasts over NCHW. */
function channelWeight(g: GraphBuilder, t: Record<string, Tensor>, key: string): string {
  const w = t[key];
  if (!w) return g.weight(t, key); // throws the missing-weight error
  return g.constFloat(key, [1, w.data.length, 1, 1], w.data);
}

/** (x − mean) / √(var + eps) over `axes` (biased variance, as PyTorch's norms). Opset 17: ReduceMean takes axes as an attribute. */
function normalise(g: GraphBuilder, x: string, axes: number[], eps: number, out?: string): string {
  const centred = g.op('Sub', [x, g.op('ReduceMean', [x], { axes, keepdims: 1 })]);
  const variance = g.op('ReduceMean', [g.op('Mul', [centred, centred])], { axes, keepdims: 1 });
  const std = g.op('Sqrt', [g.op('Add', [variance, g.constFloat('eps', [], new Float32Array([eps]))])]);
  return g.op('Div', [centred, std], {}, out);
}

/** y · weight + bias, each [1, D, 1, 1]. */
function affine(g: GraphBuilder, y: string, t: Record<string, Tensor>, out: string): void {
  g.op('Add', [g.op('Mul', [y, channelWeight(g, t, 'weight')]), channelWeight(g, t, 'bias')], {}, out);
}

const TRANSLATIONS: { readonly [T in LayerType]: Translate<T> } = {
  conv(g, p, io) {
    const t = io.weights();
    const [ph, pw] = g.windowPads(io.input, io.output, p.kernel, p.stride, p.dilation, p.padding, g.layerIndex);
    const inputs = [io.x, g.weight(t, 'weight')];
    if (t['bias']) inputs.push(g.weight(t, 'bias'));
    g.op('Conv', inputs, { kernel_shape: p.kernel, strides: p.stride, dilations: p.dilation, pads: onnxPads(ph, pw), group: p.groups }, io.out);
  },
  maxpool(g, p, io) {
    const [ph, pw] = g.windowPads(io.input, io.output, p.kernel, p.stride, [1, 1], p.padding, g.layerIndex);
    // ONNX MaxPool pads with −inf, like PyTorch.
    g.op('MaxPool', [io.x], { kernel_shape: p.kernel, strides: p.stride, pads: onnxPads(ph, pw) }, io.out);
  },
  avgpool(g, p, io) {
    g.avgpool(io.x, io.input, io.output, p, io.out);
  },
  globalavgpool: unary('GlobalAveragePool'),
  globalmaxpool: unary('GlobalMaxPool'),
  relu: unary('Relu'),
  sigmoid: unary('Sigmoid'),
  tanh: unary('Tanh'),
  gelu(g, _p, io) {
    // Exact GELU, x·Φ(x) = 0.5·x·(1 + erf(x/√2)), as PyTorch's default (opset 17 has no Gelu op).
    const sqrt2 = g.constFloat('sqrt2', [], new Float32Array([Math.SQRT2]));
    const one = g.constFloat('one', [], new Float32Array([1]));
    const half = g.constFloat('half', [], new Float32Array([0.5]));
    const e = g.op('Erf', [g.op('Div', [io.x, sqrt2])]);
    g.op('Mul', [g.op('Mul', [io.x, g.op('Add', [e, one])]), half], {}, io.out);
  },
  leakyrelu(g, p, io) {
    g.op('LeakyRelu', [io.x], { alpha: { float: p.slope } }, io.out);
  },
  // Over depth at each position: axis 1 of NCHW (opset ≥ 13 normalises along that one axis).
  softmax(g, _p, io) {
    g.op('Softmax', [io.x], { axis: 1 }, io.out);
  },
  batchnorm(g, p, io) {
    const t = io.weights();
    const names = ['weight', 'bias', 'running_mean', 'running_var'].map((k) => g.weight(t, k));
    g.op('BatchNormalization', [io.x, ...names], { epsilon: { float: p.eps } }, io.out);
  },
  // Inference: dropout passes values through.
  dropout: unary('Identity'),
  // [N, C, H, W] → [N, C·H·W, 1, 1]: row-major reshape is torch.flatten's order (depth, rows, columns).
  flatten(g, _p, io) {
    g.op('Reshape', [io.x, g.constInts('shape', [0, -1, 1, 1])], {}, io.out);
  },
  dense(g, _p, io) {
    const t = io.weights();
    const flat = g.op('Flatten', [io.x], { axis: 1 });
    const inputs = [flat, g.weight(t, 'weight')];
    if (t['bias']) inputs.push(g.weight(t, 'bias'));
    const y = g.op('Gemm', inputs, { transB: 1 });
    g.op('Reshape', [y, g.constInts('shape', [0, -1, 1, 1])], {}, io.out);
  },
  add(g, _p, io) {
    g.op('Sum', io.ins, {}, io.out);
  },
  concat(g, _p, io) {
    g.op('Concat', io.ins, { axis: 1 }, io.out);
  },
  upsample(g, p, io) {
    const scales = g.constFloat('scales', [4], new Float32Array([1, 1, p.scale[0], p.scale[1]]));
    if (p.mode === 'bilinear') {
      // PyTorch align_corners=False: source x = (i + 0.5)/s − 0.5, clamped at the edges (ONNX half_pixel).
      g.op('Resize', [io.x, '', scales], { mode: 'linear', coordinate_transformation_mode: 'half_pixel' }, io.out);
      return;
    }
    // Nearest with integer factor: output pixel i takes input floor(i / s), as PyTorch's 'nearest'.
    g.op('Resize', [io.x, '', scales], { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' }, io.out);
  },
  convtranspose(g, p, io) {
    const t = io.weights();
    const { pads, extra } = transposedPads(p, io, g.layerIndex);
    const attrs = { kernel_shape: p.kernel, strides: p.stride, dilations: p.dilation, pads, group: p.groups };
    const inputs = [io.x, g.weight(t, 'weight')];
    if (extra[0] === 0 && extra[1] === 0) {
      if (t['bias']) inputs.push(g.weight(t, 'bias'));
      g.op('ConvTranspose', inputs, attrs, io.out);
      return;
    }
    // Rows no input reaches hold the bias alone: pad the bias-free result with zeros, then add it.
    const y = g.op('ConvTranspose', inputs, attrs);
    const bias = t['bias'];
    const padded = g.op('Pad', [y, g.constInts('extra', [0, 0, 0, 0, 0, 0, extra[0], extra[1]])], { mode: 'constant' }, bias ? undefined : io.out);
    if (bias) g.op('Add', [padded, g.constFloat('bias4', [1, p.filters, 1, 1], bias.data)], {}, io.out);
  },
  adaptiveavgpool(g, _p, io) {
    adaptiveAvgPool(g, io);
  },
  adaptivemaxpool(g, _p, io) {
    adaptiveMaxPool(g, io);
  },
  relu6(g, _p, io) {
    const lo = g.constFloat('min', [], new Float32Array([0]));
    const hi = g.constFloat('max', [], new Float32Array([6]));
    g.op('Clip', [io.x, lo, hi], {}, io.out);
  },
  silu(g, _p, io) {
    g.op('Mul', [io.x, g.op('Sigmoid', [io.x])], {}, io.out);
  },
  // ONNX HardSwish (opset 14) is x·max(0, min(1, x/6 + 1/2)): PyTorch's.
  hardswish: unary('HardSwish'),
  hardsigmoid(g, _p, io) {
    // ONNX's default alpha is 0.2; PyTorch's Hardsigmoid is (x + 3)/6 clipped to [0, 1].
    g.op('HardSigmoid', [io.x], { alpha: { float: 1 / 6 }, beta: { float: 0.5 } }, io.out);
  },
  mish(g, _p, io) {
    // Opset 17 has no Mish (18 does): x·tanh(softplus(x)).
    g.op('Mul', [io.x, g.op('Tanh', [g.op('Softplus', [io.x])])], {}, io.out);
  },
  elu(g, p, io) {
    g.op('Elu', [io.x], { alpha: { float: p.alpha } }, io.out);
  },
  // Over depth at each position (ConvNeXt's LayerNorm2d): mean and variance over axis 1 of NCHW.
  layernorm(g, p, io) {
    affine(g, normalise(g, io.x, [1], p.eps), io.weights(), io.out);
  },
  // Opset 17 has no GroupNormalization: [N, C, H, W] → [N, groups, C/groups·H·W], normalised over the last axis.
  groupnorm(g, p, io) {
    const { depth, height, width } = io.input;
    const grouped = g.op('Reshape', [io.x, g.constInts('groups', [0, p.groups, -1])]);
    const back = g.op('Reshape', [normalise(g, grouped, [2], p.eps), g.constInts('shape', [0, depth, height, width])]);
    affine(g, back, io.weights(), io.out);
  },
  instancenorm(g, p, io) {
    const d = io.input.depth;
    const t = p.affine ? io.weights() : undefined;
    const scale = t ? g.weight(t, 'weight') : g.constFloat('ones', [d], new Float32Array(d).fill(1));
    const bias = t ? g.weight(t, 'bias') : g.constFloat('zeros', [d], new Float32Array(d));
    g.op('InstanceNormalization', [io.x, scale, bias], { epsilon: { float: p.eps } }, io.out);
  },
  // PyTorch sums the squares over channels [c − ⌊size/2⌋, c + ⌊(size−1)/2⌋]; ONNX LRN over
  // [c − ⌊(size−1)/2⌋, c + ⌈(size−1)/2⌉]: the same window for odd sizes only. Even sizes are built by hand.
  lrn(g, p, io) {
    if (p.size % 2 === 1) {
      g.op('LRN', [io.x], { size: p.size, alpha: { float: p.alpha }, beta: { float: p.beta }, bias: { float: p.k } }, io.out);
      return;
    }
    const { depth, height, width } = io.input;
    const squares = g.op('Reshape', [g.op('Mul', [io.x, io.x]), g.constInts('column', [0, 1, depth, height * width])]);
    const padded = g.op('Pad', [squares, g.constInts('pads', [0, 0, Math.floor(p.size / 2), 0, 0, 0, Math.floor((p.size - 1) / 2), 0])], { mode: 'constant' });
    const mean = g.op('Reshape', [g.op('AveragePool', [padded], { kernel_shape: [p.size, 1], strides: [1, 1] }), g.constInts('shape', [0, depth, height, width])]);
    const base = g.op('Add', [g.op('Mul', [mean, g.constFloat('alpha', [], new Float32Array([p.alpha]))]), g.constFloat('k', [], new Float32Array([p.k]))]);
    g.op('Div', [io.x, g.op('Pow', [base, g.constFloat('beta', [], new Float32Array([p.beta]))])], {}, io.out);
  },
  scale(g, _p, io) {
    g.op('Mul', [io.x, channelWeight(g, io.weights(), 'weight')], {}, io.out);
  },
  // ONNX Mul broadcasts as NumPy does: sizes agree or are 1, which is the checker's rule.
  multiply(g, _p, io) {
    let y = io.ins[0]!;
    io.ins.slice(1).forEach((x, i) => {
      y = g.op('Mul', [y, x], {}, i === io.ins.length - 2 ? io.out : undefined);
    });
  },
  pad(g, p, io) {
    const [t, b, l, r] = p.amount;
    const mode = p.mode === 'zeros' ? 'constant' : p.mode === 'reflect' ? 'reflect' : 'edge';
    g.op('Pad', [io.x, g.constInts('pads', [0, 0, t, l, 0, 0, b, r])], { mode }, io.out);
  },
  crop(g, p, io) {
    const { width, height } = io.input;
    // With `like`, the checker's output is the target size: the top and left lose the smaller half.
    const top = p.amount ? p.amount[0] : Math.floor((height - io.output.height) / 2);
    const left = p.amount ? p.amount[2] : Math.floor((width - io.output.width) / 2);
    g.op('Slice', [io.x, g.constInts('starts', [top, left]), g.constInts('ends', [top + io.output.height, left + io.output.width]), g.constInts('axes', [2, 3])], {}, io.out);
  },
  slice(g, p, io) {
    const from = p.from < 0 ? io.input.depth + p.from : p.from;
    g.op('Slice', [io.x, g.constInts('starts', [from]), g.constInts('ends', [from + io.output.depth]), g.constInts('axes', [1])], {}, io.out);
  },
  // ShuffleNet's channel_shuffle: view [N, g, C/g, H, W], swap the two channel axes, flatten back.
  shuffle(g, p, io) {
    const { depth, height, width } = io.input;
    const split = g.op('Reshape', [io.x, g.constInts('split', [0, p.groups, depth / p.groups, height, width])]);
    const swapped = g.op('Transpose', [split], { perm: [0, 2, 1, 3, 4] });
    g.op('Reshape', [swapped, g.constInts('shape', [0, depth, height, width])], {}, io.out);
  },
  // CRD is PyTorch's pixel_shuffle order (channel c·r² + i·r + j → pixel (i, j) of channel c); ONNX's default DCR is not.
  pixelshuffle(g, p, io) {
    g.op('DepthToSpace', [io.x], { blocksize: p.factor, mode: 'CRD' }, io.out);
  },
  // ONNX SpaceToDepth orders channels (i·r + j)·C + c; PyTorch's pixel_unshuffle c·r² + i·r + j: built by hand.
  pixelunshuffle(g, p, io) {
    const r = p.factor;
    const { depth, height, width } = io.input;
    const blocks = g.op('Reshape', [io.x, g.constInts('blocks', [0, depth, height / r, r, width / r, r])]);
    const moved = g.op('Transpose', [blocks], { perm: [0, 1, 3, 5, 2, 4] });
    g.op('Reshape', [moved, g.constInts('shape', [0, depth * r * r, height / r, width / r])], {}, io.out);
  },
};

/** Adds the nodes of one layer of type `type` with parameters `values` (complete, as read). */
export function translate(type: LayerType, values: Readonly<Record<string, unknown>>, g: GraphBuilder, io: LayerIO): void {
  (TRANSLATIONS[type] as Translate<LayerType>)(g, values, io);
}
