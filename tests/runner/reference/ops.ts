// Reference layer implementations: straightforward loops over C×H×W, written from the format spec and
// PyTorch's documented semantics, sharing no code with the runner (which builds ONNX graphs).
import { at, set, t3, type T3 } from './tensor';

export interface Window {
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  /** Padding before (top, left). */
  begin: [number, number];
  /** Output size [h, w]. */
  out: [number, number];
}

/** Window geometry per axis, from the spec: numbers (PyTorch, floor or ceil_mode) or 'same' (TensorFlow). */
export function windowAxis(n: number, k: number, s: number, d: number, padding: number | 'same', rounding: string): { begin: number; out: number } {
  const span = d * (k - 1) + 1;
  if (padding === 'same') {
    const out = Math.ceil(n / s);
    const total = Math.max((out - 1) * s + span - n, 0);
    return { begin: Math.floor(total / 2), out };
  }
  const num = n + 2 * padding - span;
  // A whole size is the same in every mode: PyTorch's conv has no ceil_mode, and for a pool with
  // padding ≤ kernel/2 the ceil rule cannot drop a window when the size is whole.
  if (rounding !== 'ceil' || num % s === 0) return { begin: padding, out: Math.floor(num / s) + 1 };
  let out = Math.ceil(num / s) + 1;
  // PyTorch ceil_mode: the last window must start inside the input or the left padding.
  if ((out - 1) * s >= n + padding) out--;
  return { begin: padding, out };
}

export function conv2d(x: T3, weight: Float32Array, bias: Float32Array | undefined, filters: number, groups: number, win: Window): T3 {
  const [kh, kw] = win.kernel;
  const cinG = x.c / groups;
  const coutG = filters / groups;
  const y = t3(filters, win.out[0], win.out[1]);
  for (let f = 0; f < filters; f++) {
    const g = Math.floor(f / coutG);
    for (let oy = 0; oy < win.out[0]; oy++) {
      for (let ox = 0; ox < win.out[1]; ox++) {
        let sum = bias ? bias[f]! : 0;
        for (let ci = 0; ci < cinG; ci++) {
          for (let ky = 0; ky < kh; ky++) {
            const iy = oy * win.stride[0] - win.begin[0] + ky * win.dilation[0];
            if (iy < 0 || iy >= x.h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ox * win.stride[1] - win.begin[1] + kx * win.dilation[1];
              if (ix < 0 || ix >= x.w) continue;
              sum += weight[((f * cinG + ci) * kh + ky) * kw + kx]! * at(x, g * cinG + ci, iy, ix);
            }
          }
        }
        set(y, f, oy, ox, sum);
      }
    }
  }
  return y;
}

export function maxpool(x: T3, win: Window): T3 {
  const y = t3(x.c, win.out[0], win.out[1]);
  for (let c = 0; c < x.c; c++) {
    for (let oy = 0; oy < win.out[0]; oy++) {
      for (let ox = 0; ox < win.out[1]; ox++) {
        let m = -Infinity;
        for (let ky = 0; ky < win.kernel[0]; ky++) {
          for (let kx = 0; kx < win.kernel[1]; kx++) {
            const iy = oy * win.stride[0] - win.begin[0] + ky;
            const ix = ox * win.stride[1] - win.begin[1] + kx;
            if (iy >= 0 && iy < x.h && ix >= 0 && ix < x.w) m = Math.max(m, at(x, c, iy, ix));
          }
        }
        set(y, c, oy, ox, m);
      }
    }
  }
  return y;
}

/**
 * PyTorch avg_pool2d: with numeric padding the divisor counts the padding (count_include_pad=True) but
 * is clipped at the padded edge (a ceil_mode window that runs past it); with `same` (Keras), only real pixels.
 */
export function avgpool(x: T3, win: Window, same: boolean): T3 {
  const y = t3(x.c, win.out[0], win.out[1]);
  for (let c = 0; c < x.c; c++) {
    for (let oy = 0; oy < win.out[0]; oy++) {
      for (let ox = 0; ox < win.out[1]; ox++) {
        const y0 = oy * win.stride[0] - win.begin[0];
        const x0 = ox * win.stride[1] - win.begin[1];
        let sum = 0;
        let count = 0;
        for (let ky = 0; ky < win.kernel[0]; ky++) {
          for (let kx = 0; kx < win.kernel[1]; kx++) {
            const iy = y0 + ky;
            const ix = x0 + kx;
            if (iy >= 0 && iy < x.h && ix >= 0 && ix < x.w) {
              sum += at(x, c, iy, ix);
              count++;
            }
          }
        }
        let divisor = count;
        if (!same) {
          const y1 = Math.min(y0 + win.kernel[0], x.h + win.begin[0]);
          const x1 = Math.min(x0 + win.kernel[1], x.w + win.begin[1]);
          divisor = (y1 - y0) * (x1 - x0);
        }
        set(y, c, oy, ox, sum / divisor);
      }
    }
  }
  return y;
}

export function globalPool(x: T3, kind: 'avg' | 'max'): T3 {
  const y = t3(x.c, 1, 1);
  const hw = x.h * x.w;
  for (let c = 0; c < x.c; c++) {
    let acc = kind === 'max' ? -Infinity : 0;
    for (let i = 0; i < hw; i++) {
      const v = x.data[c * hw + i]!;
      acc = kind === 'max' ? Math.max(acc, v) : acc + v;
    }
    y.data[c] = kind === 'max' ? acc : acc / hw;
  }
  return y;
}

export function map(x: T3, f: (v: number) => number): T3 {
  const y = t3(x.c, x.h, x.w);
  for (let i = 0; i < x.data.length; i++) y.data[i] = f(x.data[i]!);
  return y;
}

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): enough for a 1e-4 comparison. */
export function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const p = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return s * (1 - p * Math.exp(-a * a));
}

export const activations: Record<string, (v: number) => number> = {
  relu: (v) => Math.max(0, v),
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  tanh: (v) => Math.tanh(v),
  gelu: (v) => 0.5 * v * (1 + erf(v / Math.SQRT2)),
};

export function softmaxDepth(x: T3): T3 {
  const y = t3(x.c, x.h, x.w);
  for (let i = 0; i < x.h; i++) {
    for (let j = 0; j < x.w; j++) {
      let m = -Infinity;
      for (let c = 0; c < x.c; c++) m = Math.max(m, at(x, c, i, j));
      let sum = 0;
      for (let c = 0; c < x.c; c++) sum += Math.exp(at(x, c, i, j) - m);
      for (let c = 0; c < x.c; c++) set(y, c, i, j, Math.exp(at(x, c, i, j) - m) / sum);
    }
  }
  return y;
}

export function batchnorm(x: T3, weight: Float32Array, bias: Float32Array, mean: Float32Array, variance: Float32Array, eps: number): T3 {
  const y = t3(x.c, x.h, x.w);
  const hw = x.h * x.w;
  for (let c = 0; c < x.c; c++) {
    const scale = weight[c]! / Math.sqrt(variance[c]! + eps);
    for (let i = 0; i < hw; i++) y.data[c * hw + i] = (x.data[c * hw + i]! - mean[c]!) * scale + bias[c]!;
  }
  return y;
}

/** torch.flatten on C×H×W: depth first, then rows, then columns; the result is 1×1×N (N channels). */
export function flatten(x: T3): T3 {
  return t3(x.c * x.h * x.w, 1, 1, x.data);
}

export function dense(x: T3, weight: Float32Array, bias: Float32Array | undefined, units: number): T3 {
  const n = x.data.length;
  const y = t3(units, 1, 1);
  for (let u = 0; u < units; u++) {
    let s = bias ? bias[u]! : 0;
    for (let i = 0; i < n; i++) s += weight[u * n + i]! * x.data[i]!;
    y.data[u] = s;
  }
  return y;
}

export function add(xs: T3[]): T3 {
  const y = t3(xs[0]!.c, xs[0]!.h, xs[0]!.w);
  for (const x of xs) for (let i = 0; i < y.data.length; i++) y.data[i] = y.data[i]! + x.data[i]!;
  return y;
}

export function concat(xs: T3[]): T3 {
  const c = xs.reduce((a, x) => a + x.c, 0);
  const y = t3(c, xs[0]!.h, xs[0]!.w);
  let off = 0;
  for (const x of xs) {
    y.data.set(x.data, off);
    off += x.data.length;
  }
  return y;
}

export function upsampleNearest(x: T3, s: number): T3 {
  const y = t3(x.c, x.h * s, x.w * s);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < y.h; i++) for (let j = 0; j < y.w; j++) set(y, c, i, j, at(x, c, Math.floor(i / s), Math.floor(j / s)));
  }
  return y;
}

/**
 * PyTorch conv_transpose2d, by scattering: input (iy, ix) of channel ci adds weight[ci, f', ky, kx] to
 * output (iy·s − begin + ky·d, ix·s − begin + kx·d) of filter g·(filters/groups) + f'. Weight layout
 * [depth, filters/groups, kh, kw]. `out` and `begin` come from the caller (the spec's size rule).
 */
export function convTranspose2d(x: T3, weight: Float32Array, bias: Float32Array | undefined, filters: number, groups: number, win: Window): T3 {
  const [kh, kw] = win.kernel;
  const cinG = x.c / groups;
  const coutG = filters / groups;
  const y = t3(filters, win.out[0], win.out[1]);
  if (bias) for (let f = 0; f < filters; f++) for (let i = 0; i < y.h * y.w; i++) y.data[f * y.h * y.w + i] = bias[f]!;
  for (let ci = 0; ci < x.c; ci++) {
    const g = Math.floor(ci / cinG);
    for (let iy = 0; iy < x.h; iy++) {
      for (let ix = 0; ix < x.w; ix++) {
        const v = at(x, ci, iy, ix);
        for (let fo = 0; fo < coutG; fo++) {
          const f = g * coutG + fo;
          for (let ky = 0; ky < kh; ky++) {
            const oy = iy * win.stride[0] - win.begin[0] + ky * win.dilation[0];
            if (oy < 0 || oy >= y.h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = ix * win.stride[1] - win.begin[1] + kx * win.dilation[1];
              if (ox < 0 || ox >= y.w) continue;
              set(y, f, oy, ox, at(y, f, oy, ox) + v * weight[((ci * coutG + fo) * kh + ky) * kw + kx]!);
            }
          }
        }
      }
    }
  }
  return y;
}

/** PyTorch adaptive pooling: cell i of o covers floor(i·n/o) … ceil((i+1)·n/o) − 1. */
export function adaptivePool(x: T3, oh: number, ow: number, kind: 'avg' | 'max'): T3 {
  const y = t3(x.c, oh, ow);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < oh; i++) {
      const y0 = Math.floor((i * x.h) / oh);
      const y1 = Math.ceil(((i + 1) * x.h) / oh);
      for (let j = 0; j < ow; j++) {
        const x0 = Math.floor((j * x.w) / ow);
        const x1 = Math.ceil(((j + 1) * x.w) / ow);
        let acc = kind === 'max' ? -Infinity : 0;
        for (let a = y0; a < y1; a++) for (let b = x0; b < x1; b++) acc = kind === 'max' ? Math.max(acc, at(x, c, a, b)) : acc + at(x, c, a, b);
        set(y, c, i, j, kind === 'max' ? acc : acc / ((y1 - y0) * (x1 - x0)));
      }
    }
  }
  return y;
}

/** Nearest upsampling by [sh, sw]: output (i, j) takes input (floor(i/sh), floor(j/sw)). */
export function upsampleNearest2(x: T3, sh: number, sw: number): T3 {
  const y = t3(x.c, x.h * sh, x.w * sw);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < y.h; i++) for (let j = 0; j < y.w; j++) set(y, c, i, j, at(x, c, Math.floor(i / sh), Math.floor(j / sw)));
  }
  return y;
}

/** PyTorch bilinear, align_corners=False: source = max(0, (i + 0.5)/s − 0.5), neighbours clamped to the edge. */
export function upsampleBilinear(x: T3, sh: number, sw: number): T3 {
  const y = t3(x.c, x.h * sh, x.w * sw);
  const src = (i: number, s: number, n: number): [number, number, number] => {
    const p = Math.max(0, (i + 0.5) / s - 0.5);
    const i0 = Math.min(Math.floor(p), n - 1);
    const i1 = Math.min(i0 + 1, n - 1);
    return [i0, i1, p - i0];
  };
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < y.h; i++) {
      const [a0, a1, fa] = src(i, sh, x.h);
      for (let j = 0; j < y.w; j++) {
        const [b0, b1, fb] = src(j, sw, x.w);
        const top = at(x, c, a0, b0) * (1 - fb) + at(x, c, a0, b1) * fb;
        const bottom = at(x, c, a1, b0) * (1 - fb) + at(x, c, a1, b1) * fb;
        set(y, c, i, j, top * (1 - fa) + bottom * fa);
      }
    }
  }
  return y;
}

const softplus = (v: number): number => (v > 20 ? v : Math.log1p(Math.exp(v)));
const hardsigmoid = (v: number): number => Math.min(Math.max(v + 3, 0), 6) / 6;

/** The v2 activations, from PyTorch's documented formulas. */
export const activationsV2: Record<string, (v: number) => number> = {
  relu6: (v) => Math.min(Math.max(0, v), 6),
  silu: (v) => v / (1 + Math.exp(-v)),
  hardswish: (v) => v * hardsigmoid(v),
  hardsigmoid,
  mish: (v) => v * Math.tanh(softplus(v)),
};

// ---------------------------------------------------------------- v2 layer types

/** (x − mean) / √(var + eps) over the given index groups (biased variance), as PyTorch's norms. */
function normaliseGroups(x: T3, groupOf: (c: number, i: number) => number, groups: number, eps: number): T3 {
  const hw = x.h * x.w;
  const sum = new Float64Array(groups);
  const sq = new Float64Array(groups);
  const n = new Float64Array(groups);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < hw; i++) {
      const g = groupOf(c, i);
      const v = x.data[c * hw + i]!;
      sum[g] = sum[g]! + v;
      n[g] = n[g]! + 1;
    }
  }
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < hw; i++) {
      const g = groupOf(c, i);
      const d = x.data[c * hw + i]! - sum[g]! / n[g]!;
      sq[g] = sq[g]! + d * d;
    }
  }
  const y = t3(x.c, x.h, x.w);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < hw; i++) {
      const g = groupOf(c, i);
      y.data[c * hw + i] = (x.data[c * hw + i]! - sum[g]! / n[g]!) / Math.sqrt(sq[g]! / n[g]! + eps);
    }
  }
  return y;
}

function perChannel(x: T3, weight: Float32Array | undefined, bias: Float32Array | undefined): T3 {
  const hw = x.h * x.w;
  const y = t3(x.c, x.h, x.w);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < hw; i++) y.data[c * hw + i] = x.data[c * hw + i]! * (weight ? weight[c]! : 1) + (bias ? bias[c]! : 0);
  }
  return y;
}

/** ConvNeXt's LayerNorm2d: over the channels at each position. */
export function layernorm(x: T3, weight: Float32Array, bias: Float32Array, eps: number): T3 {
  return perChannel(normaliseGroups(x, (_c, i) => i, x.h * x.w, eps), weight, bias);
}

/** GroupNorm: channels c·groups/C share a group, over all positions. */
export function groupnorm(x: T3, groups: number, weight: Float32Array, bias: Float32Array, eps: number): T3 {
  const per = x.c / groups;
  return perChannel(normaliseGroups(x, (c) => Math.floor(c / per), groups, eps), weight, bias);
}

/** InstanceNorm2d (track_running_stats=False): each channel over its own positions. */
export function instancenorm(x: T3, weight: Float32Array | undefined, bias: Float32Array | undefined, eps: number): T3 {
  return perChannel(normaliseGroups(x, (c) => c, x.c, eps), weight, bias);
}

/** PyTorch local_response_norm: x / (k + alpha/size · Σ x²)^beta, channels [c − ⌊size/2⌋, c + ⌊(size−1)/2⌋]. */
export function lrn(x: T3, size: number, alpha: number, beta: number, k: number): T3 {
  const y = t3(x.c, x.h, x.w);
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < x.h; i++) {
      for (let j = 0; j < x.w; j++) {
        let s = 0;
        for (let q = c - Math.floor(size / 2); q <= c + Math.floor((size - 1) / 2); q++) if (q >= 0 && q < x.c) s += at(x, q, i, j) ** 2;
        set(y, c, i, j, at(x, c, i, j) / (k + (alpha / size) * s) ** beta);
      }
    }
  }
  return y;
}

export function scaleChannels(x: T3, weight: Float32Array): T3 {
  return perChannel(x, weight, undefined);
}

/** Element-wise product with NumPy broadcasting on C, H and W (a size of 1 repeats). */
export function multiply(xs: T3[]): T3 {
  const c = Math.max(...xs.map((x) => x.c));
  const h = Math.max(...xs.map((x) => x.h));
  const w = Math.max(...xs.map((x) => x.w));
  const y = t3(c, h, w);
  y.data.fill(1);
  for (const x of xs) {
    for (let q = 0; q < c; q++) {
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          const v = at(x, x.c === 1 ? 0 : q, x.h === 1 ? 0 : i, x.w === 1 ? 0 : j);
          set(y, q, i, j, at(y, q, i, j) * v);
        }
      }
    }
  }
  return y;
}

/** Pad by [top, bottom, left, right]: zeros, reflect (mirror without the edge) or replicate (edge). */
export function pad(x: T3, sides: [number, number, number, number], mode: string): T3 {
  const [t, b, l, r] = sides;
  const y = t3(x.c, x.h + t + b, x.w + l + r);
  const source = (v: number, n: number): number => {
    if (v >= 0 && v < n) return v;
    if (mode === 'replicate') return v < 0 ? 0 : n - 1;
    if (mode === 'reflect') return v < 0 ? -v : 2 * (n - 1) - v;
    return -1;
  };
  for (let c = 0; c < x.c; c++) {
    for (let i = 0; i < y.h; i++) {
      for (let j = 0; j < y.w; j++) {
        const si = source(i - t, x.h);
        const sj = source(j - l, x.w);
        set(y, c, i, j, si < 0 || sj < 0 ? 0 : at(x, c, si, sj));
      }
    }
  }
  return y;
}

/** x[:, :, top:top + h, left:left + w]. */
export function crop(x: T3, top: number, left: number, h: number, w: number): T3 {
  const y = t3(x.c, h, w);
  for (let c = 0; c < x.c; c++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) set(y, c, i, j, at(x, c, top + i, left + j));
  return y;
}

/** Channels [from, to). */
export function sliceChannels(x: T3, from: number, to: number): T3 {
  const hw = x.h * x.w;
  return t3(to - from, x.h, x.w, x.data.subarray(from * hw, to * hw));
}

/** ShuffleNet's channel shuffle: output channel i·groups + g is input channel g·(C/groups) + i. */
export function channelShuffle(x: T3, groups: number): T3 {
  const per = x.c / groups;
  const hw = x.h * x.w;
  const y = t3(x.c, x.h, x.w);
  for (let g = 0; g < groups; g++) for (let i = 0; i < per; i++) y.data.set(x.data.subarray((g * per + i) * hw, (g * per + i + 1) * hw), (i * groups + g) * hw);
  return y;
}

/** PyTorch pixel_shuffle: out[c, h·r + i, w·r + j] = in[c·r² + i·r + j, h, w]. */
export function pixelShuffle(x: T3, r: number): T3 {
  const y = t3(x.c / (r * r), x.h * r, x.w * r);
  for (let c = 0; c < y.c; c++) {
    for (let h = 0; h < x.h; h++) for (let w = 0; w < x.w; w++) for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) set(y, c, h * r + i, w * r + j, at(x, c * r * r + i * r + j, h, w));
  }
  return y;
}

/** PyTorch pixel_unshuffle: out[c·r² + i·r + j, h, w] = in[c, h·r + i, w·r + j]. */
export function pixelUnshuffle(x: T3, r: number): T3 {
  const y = t3(x.c * r * r, x.h / r, x.w / r);
  for (let c = 0; c < x.c; c++) {
    for (let h = 0; h < y.h; h++) for (let w = 0; w < y.w; w++) for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) set(y, c * r * r + i * r + j, h, w, at(x, c, h * r + i, w * r + j));
  }
  return y;
}
