// A seeded He (Kaiming normal) initialisation for layers without weights, so that an untrained
// network still gives the same numbers on every run and machine: std = sqrt(2 / fan_in), biases 0,
// and what a layer type declares otherwise (`weights.init`: batchnorm's weight and running variance 1).
import { LAYERS } from '../../../core/src/index';
import type { Tensor } from './types';
import { elementCount } from './types';

export const DEFAULT_SEED = 1;

/** mulberry32: a tiny, well-known 32-bit PRNG (32-bit unsigned outputs); good enough for initial weights, and reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** One stream per (seed, layer, key): a layer's values do not depend on the layers before it. */
function streamSeed(seed: number, layer: number | string, key: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${layer}:${key}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * Standard normals by Marsaglia and Tsang's ziggurat (128 layers): exact N(0, 1), about 5× faster than
 * Box–Muller (ResNet-18's 11.7 M weights). Each draw uses one 32-bit value: 7 bits for the layer, 1 for
 * the sign and 24 for the position, so the layer and the value are independent (Doornik 2005).
 */
const ZIG = (() => {
  const m = 2 ** 24;
  const r = 3.442619855899;
  const v = 9.91256303526217e-3;
  const f = (x: number) => Math.exp(-0.5 * x * x);
  const k = new Uint32Array(128);
  const w = new Float64Array(128);
  const fn = new Float64Array(128);
  const q = v / f(r);
  k[0] = Math.floor((r / q) * m);
  k[1] = 0;
  w[0] = q / m;
  w[127] = r / m;
  fn[0] = 1;
  fn[127] = f(r);
  let dn = r;
  let tn = r;
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(v / dn + f(dn)));
    k[i + 1] = Math.floor((dn / tn) * m);
    tn = dn;
    fn[i] = f(dn);
    w[i] = dn / m;
  }
  return { r, k, w, fn };
})();

const { r: ZR, k: ZK, w: ZW, fn: ZF } = ZIG;
/** ZK as signed integers (all below 2^24), for fillNormal's loop. */
const ZK_INT = Int32Array.from(ZK);

function uniform(next32: () => number): number {
  return (next32() + 0.5) / 4294967296;
}

export function standardNormal(next32: () => number): number {
  const r = ZR;
  const k = ZK;
  const w = ZW;
  const fn = ZF;
  for (;;) {
    const u = next32();
    const i = u & 127;
    const j = u >>> 8;
    const sign = u & 128 ? -1 : 1;
    if (j < k[i]!) return sign * j * w[i]!;
    if (i === 0) {
      // The tail beyond r (Marsaglia 1964).
      let x: number;
      let y: number;
      do {
        x = -Math.log(uniform(next32)) / r;
        y = -Math.log(uniform(next32));
      } while (y + y < x * x);
      return sign * (r + x);
    }
    const x = j * w[i]!;
    if (fn[i]! + uniform(next32) * (fn[i - 1]! - fn[i]!) < Math.exp(-0.5 * x * x)) return sign * x;
  }
}

/** The generator's state while fillNormal leaves its loop for a rare draw (slowDraw). */
let slowState = 0;

function slowNext(): number {
  slowState = (slowState + 0x6d2b79f5) | 0;
  let t = slowState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * What standardNormal does after its fast test failed for the draw `u` (about 1 draw in 100): the tail or
 * the wedge, then further draws until one is accepted; the generator's state is in slowState.
 */
function slowDraw(u: number): number {
  let i = u & 127;
  let j = u >>> 8;
  let sign = u & 128 ? -1 : 1;
  for (;;) {
    if (j < ZK[i]!) return sign * j * ZW[i]!;
    if (i === 0) {
      let x: number;
      let y: number;
      do {
        x = -Math.log((slowNext() + 0.5) / 4294967296) / ZR;
        y = -Math.log((slowNext() + 0.5) / 4294967296);
      } while (y + y < x * x);
      return sign * (ZR + x);
    }
    const x = j * ZW[i]!;
    if (ZF[i]! + ((slowNext() + 0.5) / 4294967296) * (ZF[i - 1]! - ZF[i]!) < Math.exp(-0.5 * x * x)) return sign * x;
    const v = slowNext();
    i = v & 127;
    j = v >>> 8;
    sign = v & 128 ? -1 : 1;
  }
}

/**
 * `data[i] = standardNormal(mulberry32(seed)) * std` for every i, value for value, with the generator
 * and the ziggurat's fast path written into the loop: no call and no closure per draw (ResNet-18's
 * 11.7 M weights are made while the user waits for a first run).
 */
export function fillNormal(data: Float32Array, std: number, seed: number): void {
  // Small integers throughout (u stays a signed 32-bit value, k an Int32Array): V8 keeps them in registers.
  const k = ZK_INT;
  const w = ZW;
  let a = seed | 0;
  const n = data.length;
  for (let at = 0; at < n; at++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = t ^ (t >>> 14);
    const i = u & 127;
    const j = u >>> 8;
    // The sign without a branch (a coin toss would be mispredicted every other draw): m is 0 or -1, and
    // (j ^ m) - m is j or -j. j = 0 (-0 for a negative sign) goes the slow way, which keeps the -0.
    const m = (u << 24) >> 31;
    if (j !== 0 && j < k[i]!) {
      data[at] = ((j ^ m) - m) * w[i]! * std;
    } else {
      slowState = a;
      data[at] = slowDraw(u >>> 0) * std;
      a = slowState;
    }
  }
}

function normal(shape: number[], std: number, seed: number): Tensor {
  const data = new Float32Array(elementCount(shape));
  fillNormal(data, std, seed);
  return { shape, data };
}

/**
 * He tensors of the last build kept for the next one (the runner's spare worker turns this on): an edit
 * changes a few layers, and a layer's values depend only on its stream and shape, so the others are taken
 * as they were. At most `budget` bytes, all from the last build (the one before is dropped).
 */
const reuse = { budget: 0, last: new Map<string, Float32Array>(), current: new Map<string, Float32Array>(), bytes: 0 };

/** Keeps up to `maxBytes` of He tensors from one build to the next (0: none, the default). */
export function reuseHeTensors(maxBytes: number): void {
  reuse.budget = maxBytes;
  if (maxBytes === 0) reuse.last = reuse.current = new Map<string, Float32Array>();
}

/** A new build starts: what the last one made can be taken; what this one makes is kept for the next. */
export function beginHeBuild(): void {
  if (reuse.budget === 0) return;
  reuse.last = reuse.current;
  reuse.current = new Map();
  reuse.bytes = 0;
}

function heNormal(shape: number[], stream: number): Tensor {
  const id = `${stream}:${shape.join('x')}`;
  // Tensors are never written after they are made (the graph copies them), so one can serve two builds.
  let data = reuse.last.get(id) ?? reuse.current.get(id);
  if (!data) {
    const fanIn = elementCount(shape.slice(1));
    data = normal(shape, Math.sqrt(2 / Math.max(fanIn, 1)), stream).data;
  }
  if (reuse.budget > 0 && !reuse.current.has(id) && reuse.bytes + data.byteLength <= reuse.budget) {
    reuse.current.set(id, data);
    reuse.bytes += data.byteLength;
  }
  return { shape, data };
}

function filled(shape: number[], v: number): Tensor {
  return { shape, data: new Float32Array(elementCount(shape)).fill(v) };
}

/**
 * Tensors for one layer given the shapes it needs (from expectedParameters). `layer` keys the random
 * stream: the index for a top-level layer (as in v1), the full name for a block's layer.
 */
export function heInitialise(type: string, layer: number | string, expected: Record<string, number[]>, seed: number): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  const declared = LAYERS.get(type)?.weights?.init ?? {};
  for (const [key, shape] of Object.entries(expected)) {
    const how = Object.hasOwn(declared, key) ? declared[key] : key === 'weight' ? 'he' : 'zeros';
    if (how === 'ones') {
      out[key] = filled(shape, 1);
    } else if (how === 'he') {
      out[key] = heNormal(shape, streamSeed(seed, layer, key));
    } else {
      out[key] = filled(shape, 0);
    }
  }
  return out;
}
