// Explicit begin/end paddings for conv and pool windows that make ONNX's floor formula give exactly
// the size the shape checker computed: `same` is TensorFlow's rule (the odd pixel goes at the end);
// a number pads the start, and the end up to where the last window ends (more under `rounding: ceil`,
// PyTorch ceil_mode; what no window reaches is left out).
import type { Pair, Padding } from '../../../core/src/index';

export interface AxisPads {
  begin: number;
  end: number;
}

/** One axis: input size n, kernel k, stride s, dilation d, the padding as written, the checked output size. */
export function axisPads(n: number, k: number, s: number, d: number, padding: number | 'same', out: number): AxisPads {
  const span = d * (k - 1) + 1;
  const needed = (out - 1) * s + span; // the padded length the last window reaches
  if (padding === 'same') {
    const total = Math.max(needed - n, 0);
    const begin = Math.floor(total / 2);
    return { begin, end: total - begin };
  }
  // The end pad reaches exactly the last window: less than `padding` where floor leaves pixels out or
  // PyTorch's ceil_mode rule drops a window that would start in the right padding.
  return { begin: padding, end: Math.max(0, needed - n - padding) };
}

export function paddingPerAxis(p: Padding): [number | 'same', number | 'same'] {
  if (p === 'same') return ['same', 'same'];
  if (p === 'valid') return [0, 0];
  return p;
}

/** ONNX pads for [H, W]: [h_begin, w_begin, h_end, w_end]. */
export function onnxPads(h: AxisPads, w: AxisPads): number[] {
  return [h.begin, w.begin, h.end, w.end];
}

export function floorOutput(n: number, pads: AxisPads, k: number, s: number, d: number): number {
  return Math.floor((n + pads.begin + pads.end - (d * (k - 1) + 1)) / s) + 1;
}

export type { Pair };
