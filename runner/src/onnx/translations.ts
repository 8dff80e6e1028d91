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
};

/** Adds the nodes of one layer of type `type` with parameters `values` (complete, as read). */
export function translate(type: LayerType, values: Readonly<Record<string, unknown>>, g: GraphBuilder, io: LayerIO): void {
  (TRANSLATIONS[type] as Translate<LayerType>)(g, values, io);
}
