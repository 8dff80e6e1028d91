// The PyTorch code of every layer type: one entry per type, keyed by the registry's types like the
// runner's ONNX translations (a type without an entry is a compile error here). An entry gives the
// module a person would write (`nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)`), or, for the
// graph operations, the expression of the forward pass (`x + y`, `torch.cat(...)`).
import type { LayerParams, LayerType, Pair, Rounding, Shape } from '../../../core/src/index';
import { HELPERS, type HelperName } from './helpers';
import { pyFloat, pyNumber } from './python';
import { windowPlan, type WindowArgs } from './windows';

export interface LayerIO {
  input: Shape;
  inputs: Shape[];
  output: Shape;
  rounding: Rounding;
}

/** What a layer takes: a map [N, C, H, W], a vector [N, F] (dense), or either. */
export type Rank = 'map' | 'vector' | 'any';

export interface PyLayer {
  /** The module's constructor expression; absent for graph operations. */
  module?: string;
  /** Graph operations: the forward expression from its inputs' expressions. */
  expr?: (ins: string[]) => string;
  /** Top-level helpers (classes) the module needs. */
  helpers?: HelperName[];
  takes: Rank;
  /** The output is a vector (dense, flatten); otherwise it has the input's rank ('any') or is a map. */
  gives: 'map' | 'vector' | 'same';
}

type Emit<T extends LayerType> = (p: LayerParams<T>, io: LayerIO) => PyLayer;

/** `3` for [3, 3], else `(3, 1)`. */
function pair(p: Pair): string {
  return p[0] === p[1] ? String(p[0]) : `(${p[0]}, ${p[1]})`;
}

function isOne(p: Pair): boolean {
  return p[0] === 1 && p[1] === 1;
}

function call(fn: string, args: Array<string | undefined>): string {
  return `${fn}(${args.filter((a) => a !== undefined).join(', ')})`;
}

const eps = (v: number) => (v === 1e-5 ? undefined : `eps=${pyFloat(v)}`);

const helper = (name: HelperName, module: string): PyLayer => ({ module, helpers: [name], takes: 'map', gives: 'map' });

const mod = (module: string, takes: Rank = 'any', gives: PyLayer['gives'] = 'same'): PyLayer => ({ module, takes, gives });

function conv(p: LayerParams<'conv'>, io: LayerIO): PyLayer {
  const w: WindowArgs = { kernel: p.kernel, stride: p.stride, dilation: p.dilation, padding: p.padding };
  const common = [
    isOne(p.stride) ? undefined : `stride=${pair(p.stride)}`,
    isOne(p.dilation) ? undefined : `dilation=${pair(p.dilation)}`,
    p.groups === 1 ? undefined : `groups=${p.groups}`,
    p.bias ? undefined : 'bias=False',
  ];
  const head = [String(io.input.depth), String(p.filters), pair(p.kernel)];
  // PyTorch's own `same` (stride 1 only) splits the padding as TensorFlow does: the odd pixel at the end.
  if (p.padding === 'same' && isOne(p.stride)) {
    return { module: call('nn.Conv2d', [...head, 'padding="same"', ...common]), takes: 'map', gives: 'map' };
  }
  const plan = windowPlan(io.input, io.output, w, io.rounding, false);
  if (plan.kind === 'symmetric') {
    const pad = plan.padding[0] === 0 && plan.padding[1] === 0 ? undefined : `padding=${pair(plan.padding)}`;
    return { module: call('nn.Conv2d', [...head, common[0], pad, ...common.slice(1)]), takes: 'map', gives: 'map' };
  }
  return {
    module: call('Conv2dPadded', [...head, common[0], `pads=(${plan.pads.join(', ')})`, ...common.slice(1)]),
    helpers: ['Conv2dPadded'],
    takes: 'map',
    gives: 'map',
  };
}

function pool(kind: 'max' | 'avg', p: LayerParams<'maxpool' | 'avgpool'>, io: LayerIO): PyLayer {
  const w: WindowArgs = { kernel: p.kernel, stride: p.stride, dilation: [1, 1], padding: p.padding };
  const plan = windowPlan(io.input, io.output, w, io.rounding, true);
  const cls = kind === 'max' ? 'nn.MaxPool2d' : 'nn.AvgPool2d';
  const stride = p.stride[0] === p.kernel[0] && p.stride[1] === p.kernel[1] ? undefined : `stride=${pair(p.stride)}`;
  // `same` averages the real pixels only (Keras); numeric padding counts the zeros (PyTorch's default).
  const same = kind === 'avg' && p.padding === 'same';
  if (plan.kind === 'symmetric') {
    const padded = plan.padding[0] !== 0 || plan.padding[1] !== 0;
    const args = [
      pair(p.kernel),
      stride,
      padded ? `padding=${pair(plan.padding)}` : undefined,
      plan.ceil ? 'ceil_mode=True' : undefined,
      same && padded ? 'count_include_pad=False' : undefined,
    ];
    return mod(call(cls, args), 'map', 'map');
  }
  const pads = `(${plan.pads.join(', ')})`;
  if (kind === 'max') {
    // Padding with −inf is what PyTorch's own max-pool padding means.
    return mod(`nn.Sequential(nn.ConstantPad2d(${pads}, float("-inf")), ${call(cls, [pair(p.kernel), stride])})`, 'map', 'map');
  }
  if (same) return { module: call('AvgPool2dSame', [pair(p.kernel), `stride=${pair(p.stride)}`, `pads=${pads}`]), helpers: ['AvgPool2dSame'], takes: 'map', gives: 'map' };
  // Numeric padding always fits PyTorch's own arguments (windowPlan); this is the exact fallback anyway.
  return mod(`nn.Sequential(nn.ZeroPad2d(${pads}), ${call(cls, [pair(p.kernel), stride])})`, 'map', 'map');
}

/**
 * PyTorch's ConvTranspose2d removes `padding` on both sides and adds `output_padding` at the end.
 * `same` (n·s) removes d(k − 1) + 1 − s, the smaller half first: an odd total needs one more row
 * cropped at the end; a kernel shorter than the stride adds the missing rows as output padding.
 */
function convtranspose(p: LayerParams<'convtranspose'>, io: LayerIO): PyLayer {
  const padding: number[] = [];
  const outPad: number[] = [];
  const crop: number[] = [];
  for (const i of [0, 1] as const) {
    if (p.padding !== 'same') {
      padding.push(p.padding === 'valid' ? 0 : p.padding[i]);
      outPad.push(p.output_padding[i]);
      crop.push(0);
      continue;
    }
    const total = p.dilation[i] * (p.kernel[i] - 1) + 1 - p.stride[i];
    const begin = total > 0 ? Math.floor(total / 2) : 0;
    padding.push(begin);
    outPad.push(Math.max(-total, 0));
    crop.push(Math.max(total - 2 * begin, 0));
  }
  const asPair = (v: number[]) => pair([v[0]!, v[1]!]);
  const args = [
    String(io.input.depth),
    String(p.filters),
    pair(p.kernel),
    isOne(p.stride) ? undefined : `stride=${pair(p.stride)}`,
    padding.some((v) => v) ? `padding=${asPair(padding)}` : undefined,
    outPad.some((v) => v) ? `output_padding=${asPair(outPad)}` : undefined,
    p.groups === 1 ? undefined : `groups=${p.groups}`,
    p.bias ? undefined : 'bias=False',
    isOne(p.dilation) ? undefined : `dilation=${pair(p.dilation)}`,
  ];
  if (crop.some((v) => v)) {
    return { module: call('ConvTranspose2dCropped', [...args, `crop=(0, ${crop[1]!}, 0, ${crop[0]!})`]), helpers: ['ConvTranspose2dCropped'], takes: 'map', gives: 'map' };
  }
  return mod(call('nn.ConvTranspose2d', args), 'map', 'map');
}

const PY_LAYERS: { readonly [T in LayerType]: Emit<T> } = {
  conv,
  maxpool: (p, io) => pool('max', p, io),
  avgpool: (p, io) => pool('avg', p, io),
  globalavgpool: () => mod('nn.AdaptiveAvgPool2d(1)', 'map', 'map'),
  globalmaxpool: () => mod('nn.AdaptiveMaxPool2d(1)', 'map', 'map'),
  relu: () => mod('nn.ReLU()'),
  sigmoid: () => mod('nn.Sigmoid()'),
  tanh: () => mod('nn.Tanh()'),
  // Exact GELU (erf), PyTorch's default.
  gelu: () => mod('nn.GELU()'),
  leakyrelu: (p) => mod(`nn.LeakyReLU(${pyFloat(p.slope)})`),
  // Over depth at each position: dim 1 of [N, C, H, W] and of [N, F] alike.
  softmax: () => mod('nn.Softmax(dim=1)'),
  batchnorm: (p, io) => ({
    module: call('BatchNorm2d', [String(io.input.depth), eps(p.eps)]),
    helpers: ['BatchNorm2d'],
    takes: 'map',
    gives: 'map',
  }),
  dropout: (p) => mod(p.rate === 0.5 ? 'nn.Dropout()' : `nn.Dropout(${pyFloat(p.rate)})`),
  // torch.flatten's order on NCHW: depth, then rows, then columns.
  flatten: () => mod('nn.Flatten()', 'any', 'vector'),
  dense: (p, io) => mod(call('nn.Linear', [String(io.input.depth * io.input.height * io.input.width), String(p.units), p.bias ? undefined : 'bias=False']), 'vector', 'vector'),
  add: () => ({ expr: (ins) => ins.join(' + '), takes: 'any', gives: 'same' }),
  concat: () => ({ expr: (ins) => `torch.cat([${ins.join(', ')}], dim=1)`, takes: 'any', gives: 'same' }),
  upsample: (p) => {
    const scale = p.scale[0] === p.scale[1] ? pyNumber(p.scale[0]) : `(${pyNumber(p.scale[0])}, ${pyNumber(p.scale[1])})`;
    const mode = p.mode === 'bilinear' ? '"bilinear", align_corners=False' : '"nearest"';
    return mod(`nn.Upsample(scale_factor=${scale}, mode=${mode})`, 'map', 'map');
  },
  convtranspose,
  adaptiveavgpool: (p) => mod(`nn.AdaptiveAvgPool2d(${pair(p.size)})`, 'map', 'map'),
  adaptivemaxpool: (p) => mod(`nn.AdaptiveMaxPool2d(${pair(p.size)})`, 'map', 'map'),
  relu6: () => mod('nn.ReLU6()'),
  silu: () => mod('nn.SiLU()'),
  hardswish: () => mod('nn.Hardswish()'),
  hardsigmoid: () => mod('nn.Hardsigmoid()'),
  mish: () => mod('nn.Mish()'),
  elu: (p) => mod(p.alpha === 1 ? 'nn.ELU()' : `nn.ELU(${pyFloat(p.alpha)})`),
  // Over depth at each position: ConvNeXt's LayerNorm2d (nn.LayerNorm on channels-last).
  layernorm: (p, io) => helper('LayerNorm2d', call('LayerNorm2d', [String(io.input.depth), eps(p.eps)])),
  groupnorm: (p, io) => mod(call('nn.GroupNorm', [String(p.groups), String(io.input.depth), eps(p.eps)]), 'map', 'map'),
  // Without running statistics (PyTorch's default): each image is normalised by its own.
  instancenorm: (p, io) => mod(call('nn.InstanceNorm2d', [String(io.input.depth), eps(p.eps), p.affine ? 'affine=True' : undefined]), 'map', 'map'),
  lrn: (p) => mod(call('nn.LocalResponseNorm', [String(p.size), `alpha=${pyFloat(p.alpha)}`, `beta=${pyFloat(p.beta)}`, `k=${pyFloat(p.k)}`]), 'map', 'map'),
  scale: (_p, io) => helper('Scale', `Scale(${io.input.depth})`),
  // Broadcasting as the format's multiply: a 1×1×D map (squeeze-and-excitation) times a W×H×D one.
  multiply: () => ({ expr: (ins) => ins.join(' * '), takes: 'any', gives: 'same' }),
  pad: (p) => {
    const [t, b, l, r] = p.amount;
    const cls = p.mode === 'reflect' ? 'nn.ReflectionPad2d' : p.mode === 'replicate' ? 'nn.ReplicationPad2d' : 'nn.ZeroPad2d';
    return mod(`${cls}((${l}, ${r}, ${t}, ${b}))`, 'map', 'map');
  },
  crop: (p, io) => {
    const top = p.amount ? p.amount[0] : Math.floor((io.input.height - io.output.height) / 2);
    const left = p.amount ? p.amount[2] : Math.floor((io.input.width - io.output.width) / 2);
    return { expr: (ins) => `${ins[0]!}[:, :, ${top}:${top + io.output.height}, ${left}:${left + io.output.width}]`, takes: 'map', gives: 'map' };
  },
  // Channels [from, to): a torch.chunk or split branch.
  slice: (p, io) => {
    const from = p.from < 0 ? io.input.depth + p.from : p.from;
    return { expr: (ins) => `${ins[0]!}[:, ${from}:${from + io.output.depth}]`, takes: 'any', gives: 'same' };
  },
  shuffle: (p) => mod(`nn.ChannelShuffle(${p.groups})`, 'map', 'map'),
  pixelshuffle: (p) => mod(`nn.PixelShuffle(${p.factor})`, 'map', 'map'),
  pixelunshuffle: (p) => mod(`nn.PixelUnshuffle(${p.factor})`, 'map', 'map'),
};

/** The PyTorch code of one layer of type `type` with its complete parameters. */
export function pyLayer(type: LayerType, values: Readonly<Record<string, unknown>>, io: LayerIO): PyLayer {
  return (PY_LAYERS[type] as Emit<LayerType>)(values, io);
}

export { HELPERS };
