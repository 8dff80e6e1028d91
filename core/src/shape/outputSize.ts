// The output size of a sliding window along one axis:
//   exact = (n + 2p − d(k − 1) − 1)/s + 1        (with d = 1: (W − F + 2P)/S + 1)
// and the arithmetic as text, with the file's own numbers, for messages and hovers.
import type { Rounding } from '../model/types';
import { t } from '../i18n/t';

export interface AxisResult {
  /** The size used downstream: floored (strict, floor) or by PyTorch's ceil_mode rule (ceil). */
  size: number;
  exact: number;
  integer: boolean;
}

export interface AxisParams {
  n: number;
  k: number;
  s: number;
  /** A number, or 'same' (TensorFlow's rule: ceil(n / s)). */
  p: number | 'same';
  d: number;
  /** Pooling follows PyTorch's ceil_mode in `ceil`; a convolution never has a window outside the input. */
  pooling?: boolean;
}

/**
 * A number for messages: two decimals, or as many more as it takes for a number that is not whole to
 * look not whole (29/100000 + 1 is 1.00029, never "1", which would read as a whole size).
 */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return String(x);
  const frac = Math.abs(x - Math.trunc(x));
  const distance = Math.min(frac, 1 - frac); // to the nearest whole number
  const digits = Math.min(15, Math.max(2, Math.ceil(-Math.log10(distance)) + 1));
  const text = x.toFixed(digits).replace(/0+$/, '');
  return text.endsWith('.') ? String(x) : text;
}

export function axisOutput({ n, k, s, p, d, pooling }: AxisParams, rounding: Rounding): AxisResult {
  if (p === 'same') {
    const size = Math.ceil(n / s);
    return { size, exact: size, integer: true };
  }
  const num = n + 2 * p - d * (k - 1) - 1;
  const integer = num % s === 0;
  let size = Math.floor(num / s) + 1;
  // A whole size is the same in every mode (for a convolution PyTorch has no ceil_mode to differ).
  if (rounding === 'ceil' && !integer && (pooling || num >= 0)) {
    size = Math.ceil(num / s) + 1;
    // PyTorch's ceil_mode: a last window that would start in the right padding is dropped.
    if ((size - 1) * s >= n + p) size--;
  }
  return { size, exact: num / s + 1, integer };
}

/** The arithmetic with the file's numbers, e.g. "(32 − 4 + 2·0)/3 + 1 = 10.33" or "ceil(32 / 3) = 11". Built only when shown. */
export function axisArithmetic({ n, k, s, p, d }: AxisParams, r: AxisResult, rounding: Rounding): string {
  if (p === 'same') return t('shape.sameArithmetic', { n, s, size: r.size });
  const expr = d === 1 ? `(${n} − ${k} + 2·${p})/${s} + 1` : `(${n} + 2·${p} − ${d}·(${k} − 1) − 1)/${s} + 1`;
  const shown = r.integer ? String(r.exact) : `${formatNumber(r.exact)}${rounding === 'strict' ? '' : ` → ${r.size} (${rounding})`}`;
  return `${expr} = ${shown}`;
}
