// The reference forward pass of a whole model: each layer by ops.ts, defaults taken from the format
// spec's table (not from the core's layer files), window sizes computed here.
import type { Analysis } from '../../../core/src/index';
import type { Tensor } from '../../../runner/src/weights/types';
import * as ops from './ops';
import type { T3 } from './tensor';

type Pair = [number, number];

function param<T>(a: Analysis, i: number, key: string, def: T): T {
  const v = a.model.layers[i]!.params.get(key)?.value;
  return (v === undefined ? def : v) as T;
}

function pair(v: unknown): Pair {
  return typeof v === 'number' ? [v, v] : (v as Pair);
}

/** An integer, [h, w] or [top, bottom, left, right] → [top, bottom, left, right]. */
function sides(v: unknown): [number, number, number, number] {
  if (typeof v === 'number') return [v, v, v, v];
  const l = v as number[];
  return l.length === 2 ? [l[0]!, l[0]!, l[1]!, l[1]!] : [l[0]!, l[1]!, l[2]!, l[3]!];
}

/** The output of the layer called `name` (or the network input). */
function named(a: Analysis, name: string, input: T3, outs: T3[]): T3 {
  if (name === 'input') return input;
  const j = a.model.layers.findIndex((l) => l.id === name);
  if (j < 0 || !outs[j]) throw new Error(`reference: no earlier layer '${name}'`);
  return outs[j];
}

function window(a: Analysis, i: number, x: T3, kernel: Pair, stride: Pair, dilation: Pair): ops.Window & { same: boolean } {
  const raw = param<unknown>(a, i, 'padding', 0);
  const same = raw === 'same';
  const pad: Array<number | 'same'> = same ? ['same', 'same'] : raw === 'valid' ? [0, 0] : pair(raw);
  // v2: a window layer's own `rounding:` overrides the file's.
  const rounding = a.model.layers[i]!.rounding?.value ?? a.model.rounding.value;
  const h = ops.windowAxis(x.h, kernel[0], stride[0], dilation[0], pad[0]!, rounding);
  const w = ops.windowAxis(x.w, kernel[1], stride[1], dilation[1], pad[1]!, rounding);
  return { kernel, stride, dilation, begin: [h.begin, w.begin], out: [h.out, w.out], same };
}

/** Transposed convolution per the spec: (n − 1)·s − 2p + d(k − 1) + output_padding + 1; `same`: n·s. */
function transposedWindow(a: Analysis, i: number, x: T3, kernel: Pair): ops.Window {
  const stride = pair(param(a, i, 'stride', 1));
  const dilation = pair(param(a, i, 'dilation', 1));
  const op = pair(param(a, i, 'output_padding', 0));
  const raw = param<unknown>(a, i, 'padding', 0);
  const n: Pair = [x.h, x.w];
  const begin: Pair = [0, 0];
  const out: Pair = [0, 0];
  for (const ax of [0, 1] as const) {
    const span = dilation[ax] * (kernel[ax] - 1) + 1;
    if (raw === 'same') {
      out[ax] = n[ax] * stride[ax];
      begin[ax] = Math.floor(Math.max(span - stride[ax], 0) / 2);
    } else {
      const p = raw === 'valid' ? 0 : pair(raw)[ax];
      out[ax] = (n[ax] - 1) * stride[ax] - 2 * p + span + op[ax];
      begin[ax] = p;
    }
  }
  return { kernel, stride, dilation, begin, out };
}

/** Every layer's output, in order. `params` by layer index: {weight, bias, running_mean, running_var}. */
export function referenceForward(a: Analysis, params: Map<number, Record<string, Tensor>>, input: T3): T3[] {
  const outs: T3[] = [];
  for (const r of a.layers) {
    const i = r.decl.index;
    const xs = r.sources.map((s) => (s < 0 ? input : outs[s]!));
    const x = xs[0]!;
    const p = params.get(i) ?? {};
    let y: T3;
    switch (r.decl.type) {
      case 'conv': {
        const kernel = pair(param(a, i, 'kernel', 1));
        const win = window(a, i, x, kernel, pair(param(a, i, 'stride', 1)), pair(param(a, i, 'dilation', 1)));
        y = ops.conv2d(x, p['weight']!.data, p['bias']?.data, param(a, i, 'filters', 1), param(a, i, 'groups', 1), win);
        break;
      }
      case 'maxpool':
      case 'avgpool': {
        const kernel = pair(param(a, i, 'kernel', 1));
        const win = window(a, i, x, kernel, pair(param(a, i, 'stride', kernel)), [1, 1]);
        y = r.decl.type === 'maxpool' ? ops.maxpool(x, win) : ops.avgpool(x, win, win.same);
        break;
      }
      case 'globalavgpool':
        y = ops.globalPool(x, 'avg');
        break;
      case 'globalmaxpool':
        y = ops.globalPool(x, 'max');
        break;
      case 'relu':
      case 'sigmoid':
      case 'tanh':
      case 'gelu':
        y = ops.map(x, ops.activations[r.decl.type]!);
        break;
      case 'leakyrelu': {
        const slope = param(a, i, 'slope', 0.01);
        y = ops.map(x, (v) => (v >= 0 ? v : slope * v));
        break;
      }
      case 'softmax':
        y = ops.softmaxDepth(x);
        break;
      case 'batchnorm':
        y = ops.batchnorm(x, p['weight']!.data, p['bias']!.data, p['running_mean']!.data, p['running_var']!.data, param(a, i, 'eps', 1e-5));
        break;
      case 'dropout':
        y = x;
        break;
      case 'flatten':
        y = ops.flatten(x);
        break;
      case 'dense':
        y = ops.dense(x, p['weight']!.data, p['bias']?.data, param(a, i, 'units', 1));
        break;
      case 'add':
        y = ops.add(xs);
        break;
      case 'concat':
        y = ops.concat(xs);
        break;
      case 'upsample': {
        const [sh, sw] = pair(param(a, i, 'scale', 1));
        y = param<string>(a, i, 'mode', 'nearest') === 'bilinear' ? ops.upsampleBilinear(x, sh, sw) : sh === sw ? ops.upsampleNearest(x, sh) : ops.upsampleNearest2(x, sh, sw);
        break;
      }
      case 'convtranspose': {
        const kernel = pair(param(a, i, 'kernel', 1));
        const win = transposedWindow(a, i, x, kernel);
        y = ops.convTranspose2d(x, p['weight']!.data, p['bias']?.data, param(a, i, 'filters', 1), param(a, i, 'groups', 1), win);
        break;
      }
      case 'adaptiveavgpool':
      case 'adaptivemaxpool': {
        const [oh, ow] = pair(param(a, i, 'size', 1));
        y = ops.adaptivePool(x, oh, ow, r.decl.type === 'adaptivemaxpool' ? 'max' : 'avg');
        break;
      }
      case 'relu6':
      case 'silu':
      case 'hardswish':
      case 'hardsigmoid':
      case 'mish':
        y = ops.map(x, ops.activationsV2[r.decl.type]!);
        break;
      case 'elu': {
        const alpha = param(a, i, 'alpha', 1.0);
        y = ops.map(x, (v) => (v > 0 ? v : alpha * Math.expm1(v)));
        break;
      }
      case 'layernorm':
        y = ops.layernorm(x, p['weight']!.data, p['bias']!.data, param(a, i, 'eps', 1e-5));
        break;
      case 'groupnorm':
        y = ops.groupnorm(x, param(a, i, 'groups', 1), p['weight']!.data, p['bias']!.data, param(a, i, 'eps', 1e-5));
        break;
      case 'instancenorm':
        y = ops.instancenorm(x, p['weight']?.data, p['bias']?.data, param(a, i, 'eps', 1e-5));
        break;
      case 'lrn':
        y = ops.lrn(x, param(a, i, 'size', 1), param(a, i, 'alpha', 1e-4), param(a, i, 'beta', 0.75), param(a, i, 'k', 1));
        break;
      case 'scale':
        y = ops.scaleChannels(x, p['weight']!.data);
        break;
      case 'multiply':
        y = ops.multiply(xs);
        break;
      case 'pad':
        y = ops.pad(x, sides(param(a, i, 'amount', 0)), param(a, i, 'mode', 'zeros'));
        break;
      case 'crop': {
        const like = param<string | undefined>(a, i, 'like', undefined);
        if (like !== undefined) {
          const t = named(a, like, input, outs);
          y = ops.crop(x, Math.floor((x.h - t.h) / 2), Math.floor((x.w - t.w) / 2), t.h, t.w);
        } else {
          const [top, bottom, left, right] = sides(param(a, i, 'amount', 0));
          y = ops.crop(x, top, left, x.h - top - bottom, x.w - left - right);
        }
        break;
      }
      case 'slice': {
        const from = param(a, i, 'from', 0);
        const to = param(a, i, 'to', x.c);
        y = ops.sliceChannels(x, from < 0 ? x.c + from : from, to < 0 ? x.c + to : to);
        break;
      }
      case 'shuffle':
        y = ops.channelShuffle(x, param(a, i, 'groups', 1));
        break;
      case 'pixelshuffle':
        y = ops.pixelShuffle(x, param(a, i, 'factor', 1));
        break;
      case 'pixelunshuffle':
        y = ops.pixelUnshuffle(x, param(a, i, 'factor', 1));
        break;
      default:
        throw new Error(`reference: no layer type ${r.decl.type}`);
    }
    outs.push(y);
  }
  return outs;
}
