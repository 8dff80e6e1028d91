// How a conv or pool window becomes PyTorch code that computes exactly the runner's windows. The
// runner pads explicitly (runner/src/onnx/windowPads.ts, the same rule derived again below from the
// checked sizes, and tests/pytorch/export_check.py compares the two); PyTorch pads both sides alike and
// knows ceil_mode for pools. Where PyTorch's own arguments give the same windows, they are used (the
// code a person writes); otherwise the exact explicit padding is returned.
import type { Pair, Padding, Rounding, Shape } from '../../../core/src/index';

interface AxisPads {
  begin: number;
  end: number;
}

/**
 * One axis: `same` is TensorFlow's rule (the odd pixel at the end); a number pads the start, and the
 * end up to where the checked output's last window ends.
 */
function axisPads(n: number, k: number, s: number, d: number, padding: number | 'same', out: number): AxisPads {
  const needed = (out - 1) * s + d * (k - 1) + 1;
  if (padding === 'same') {
    const total = Math.max(needed - n, 0);
    return { begin: Math.floor(total / 2), end: total - Math.floor(total / 2) };
  }
  return { begin: padding, end: Math.max(0, needed - n - padding) };
}

function paddingPerAxis(p: Padding): [number | 'same', number | 'same'] {
  return p === 'same' ? ['same', 'same'] : p === 'valid' ? [0, 0] : p;
}

export interface WindowArgs {
  kernel: Pair;
  stride: Pair;
  dilation: Pair;
  padding: Padding;
}

export type WindowPlan =
  /** PyTorch's own padding (the same on both sides of an axis) and ceil_mode. */
  | { kind: 'symmetric'; padding: Pair; ceil: boolean }
  /** Explicit (left, right, top, bottom) padding, then the op without padding (F.pad's order). */
  | { kind: 'explicit'; pads: [number, number, number, number] };

/** PyTorch's output size for one axis (conv and pools; ceil_mode is the pools' rule). */
function torchSize(n: number, k: number, s: number, d: number, p: number, ceil: boolean): number {
  const span = d * (k - 1) + 1;
  const room = n + 2 * p - span;
  if (room < 0) return 0;
  if (!ceil) return Math.floor(room / s) + 1;
  let out = Math.ceil(room / s) + 1;
  if ((out - 1) * s >= n + p) out--;
  return out;
}

export function windowPlan(input: Shape, output: Shape, w: WindowArgs, rounding: Rounding, pooling: boolean): WindowPlan {
  const per = paddingPerAxis(w.padding);
  const n: Pair = [input.height, input.width];
  const out: Pair = [output.height, output.width];
  const axes = [0, 1].map((i) => axisPads(n[i]!, w.kernel[i]!, w.stride[i]!, w.dilation[i]!, per[i]!, out[i]!)) as [AxisPads, AxisPads];
  const padding: Pair = [axes[0].begin, axes[1].begin];
  const fits = (ceil: boolean) =>
    [0, 1].every((i) => torchSize(n[i]!, w.kernel[i]!, w.stride[i]!, w.dilation[i]!, padding[i]!, ceil) === out[i]);
  // PyTorch refuses pool padding above half the kernel.
  const poolOk = !pooling || [0, 1].every((i) => padding[i]! * 2 <= w.kernel[i]!);
  if (poolOk) {
    const modes = pooling ? (rounding === 'ceil' ? [true, false] : [false, true]) : [false];
    for (const ceil of modes) if (fits(ceil)) return { kind: 'symmetric', padding, ceil };
  }
  return { kind: 'explicit', pads: [axes[1].begin, axes[1].end, axes[0].begin, axes[0].end] };
}
