// A seeded He (Kaiming normal) initialisation for layers without weights, so that an untrained
// network still gives the same numbers on every run and machine: std = sqrt(2 / fan_in), biases 0,
// and what a layer type declares otherwise (`weights.init`: batchnorm's weight and running variance 1).
import { LAYERS } from '../../../core/src/index';
import type { Tensor } from './types';
import { elementCount } from './types';

export const DEFAULT_SEED = 1;

/** mulberry32: a tiny, well-known 32-bit PRNG; good enough for initial weights, and reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One stream per (seed, layer, key): a layer's values do not depend on the layers before it. */
function streamSeed(seed: number, layer: number | string, key: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${layer}:${key}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

function normal(shape: number[], std: number, rand: () => number): Tensor {
  const n = elementCount(shape);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    // Box–Muller: two independent standard normals from two uniforms (1 − u avoids log(0)).
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const th = 2 * Math.PI * rand();
    data[i] = r * Math.cos(th) * std;
    if (i + 1 < n) data[i + 1] = r * Math.sin(th) * std;
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
      const fanIn = elementCount(shape.slice(1));
      out[key] = normal(shape, Math.sqrt(2 / Math.max(fanIn, 1)), mulberry32(streamSeed(seed, layer, key)));
    } else {
      out[key] = filled(shape, 0);
    }
  }
  return out;
}
