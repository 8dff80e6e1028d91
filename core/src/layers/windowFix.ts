// The quick fix for a window layer whose output is not whole: the uniform paddings and strides nearest
// the current ones that make both axes whole. An axis is whole when s divides n + 2p − K (K the dilated
// kernel, d(k−1)+1), so the paddings are the solutions of two congruences (found by the Chinese
// remainder theorem) and the strides are divisors of a gcd. Nothing loops over a user's number, and
// BigInt keeps the arithmetic exact for any size the reader lets through (K alone can pass 2^53).
import type { Pair } from '../model/types';
import { MAX_SIZE } from '../model/values';

export interface FixOption {
  padding?: number;
  stride?: number;
  result: string;
}

/** How far from the current stride the nearest strides are looked for, each way (beyond: only small divisors). */
const STRIDE_REACH = 64n;
/** A fix the reader would refuse is no fix. */
const LARGEST = BigInt(MAX_SIZE);
/** Divisors up to this (and their cofactors) are tried as strides too. */
const SMALL_DIVISORS = 1024n;

interface Axis {
  n: bigint;
  /** The dilated kernel, d(k−1)+1. */
  K: bigint;
}

/**
 * Up to two paddings and two strides (nearest first) that make every axis whole; `n` is
 * [height, width], `pad` the current padding.
 */
export function windowFixOptions(n: Pair, kernel: Pair, stride: Pair, dilation: Pair, pad: Pair): FixOption[] {
  const axes: Axis[] = [0, 1].map((i) => ({ n: big(n[i]!), K: big(dilation[i]!) * (big(kernel[i]!) - 1n) + 1n }));
  const s: [bigint, bigint] = [big(stride[0]), big(stride[1])];
  const p: [bigint, bigint] = [big(pad[0]), big(pad[1])];
  const fmt = (q: [bigint, bigint], st: [bigint, bigint]) => {
    const out = axes.map((a, i) => (a.n + 2n * q[i]! - a.K) / st[i]! + 1n);
    return `${out[1]!}×${out[0]!}`;
  };
  const paddings = nearestPaddings(axes, s, p).map((q) => ({ padding: Number(q), result: fmt([q, q], s) }));
  const strides = nearestStrides(axes, s, p).map((x) => ({ stride: Number(x), result: fmt(p, [x, x]) }));
  return [...paddings, ...strides];
}

/** Uniform paddings q in [0, max(K, current + 3)] with every axis whole, the two nearest the current. */
function nearestPaddings(axes: Axis[], s: [bigint, bigint], p: [bigint, bigint]): bigint[] {
  // Axis i is whole when 2q ≡ K − n (mod s): q ≡ a (mod m), or never.
  let sol: { a: bigint; m: bigint } | undefined = { a: 0n, m: 1n };
  let lo = 0n;
  for (let i = 0; i < 2 && sol; i++) {
    const { n, K } = axes[i]!;
    const si = s[i]!;
    const c = mod(K - n, si);
    const g = si % 2n === 0n ? 2n : 1n;
    if (c % g !== 0n) return [];
    const m = si / g;
    const a = m === 1n ? 0n : mod((c / g) * inverse((2n / g) % m, m), m);
    sol = combine(sol, { a, m });
    lo = max(lo, ceilDiv(K - n, 2n)); // the padded input holds the kernel
  }
  if (!sol) return [];
  const cur = max(p[0], p[1]);
  const hi = min(max(max(axes[0]!.K, axes[1]!.K), cur + 3n), LARGEST);
  const { a, m } = sol;
  const from = max(lo, cur);
  const first = from + mod(a - from, m); // the smallest solution ≥ max(lo, current)
  const near: bigint[] = [];
  for (let j = -3n; j <= 2n; j++) {
    const q = first + j * m;
    if (q >= lo && q <= hi && !(q === p[0] && q === p[1])) near.push(q);
  }
  return nearest(near, cur);
}

/** Uniform strides in [1, max(2 × current, 4)] that divide every axis's n + 2p − K, the two nearest the current. */
function nearestStrides(axes: Axis[], s: [bigint, bigint], p: [bigint, bigint]): bigint[] {
  const nums = axes.map((a, i) => a.n + 2n * p[i]! - a.K);
  if (nums.some((x) => x < 0n)) return [];
  const g = gcd(nums[0]!, nums[1]!); // 0 when both are 0: every stride divides it
  const cur = max(s[0], s[1]);
  const hi = min(max(2n * cur, 4n), LARGEST);
  const candidates = new Set<bigint>();
  for (let x = cur - STRIDE_REACH; x <= cur + STRIDE_REACH; x++) candidates.add(x);
  for (let d = 1n; d <= SMALL_DIVISORS; d++) {
    if (g !== 0n && g % d === 0n) {
      candidates.add(d);
      candidates.add(g / d);
    }
  }
  const ok = [...candidates].filter((x) => x >= 1n && x <= hi && (g === 0n || g % x === 0n) && !(x === s[0] && x === s[1]));
  return nearest(ok, cur);
}

/** The two values nearest `cur`, the smaller first on a tie. */
function nearest(xs: bigint[], cur: bigint): bigint[] {
  const dist = (x: bigint) => (x > cur ? x - cur : cur - x);
  return xs.sort((x, y) => (dist(x) < dist(y) ? -1 : dist(x) > dist(y) ? 1 : x < y ? -1 : x > y ? 1 : 0)).slice(0, 2);
}

/** q ≡ x.a (mod x.m) and q ≡ y.a (mod y.m) together, or undefined when they never meet. */
function combine(x: { a: bigint; m: bigint } | undefined, y: { a: bigint; m: bigint }): { a: bigint; m: bigint } | undefined {
  if (!x) return undefined;
  const g = gcd(x.m, y.m);
  const diff = y.a - x.a;
  if (diff % g !== 0n) return undefined;
  const m1 = y.m / g;
  const t = m1 === 1n ? 0n : mod((diff / g) * inverse(mod(x.m / g, m1), m1), m1);
  const m = (x.m / g) * y.m;
  return { a: mod(x.a + x.m * t, m), m };
}

function big(x: number): bigint {
  return BigInt(Math.trunc(x));
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a <= 0n ? -(-a / b) : (a + b - 1n) / b;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The inverse of a modulo m (a and m coprime, m > 1), by the extended Euclidean algorithm. */
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [x0, x1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [x0, x1] = [x1, x0 - q * x1];
  }
  return mod(x0, m);
}
