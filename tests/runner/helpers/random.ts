// Seeded random tensors for the tests (values that make every layer's arithmetic matter).
import { expectedParameters } from '../../../core/src/index';
import type { Analysis } from '../../../core/src/index';
import type { ParameterSet, Tensor } from '../../../runner/src/weights/types';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomArray(n: number, rand: () => number, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * rand();
  return out;
}

/** Random tensors for every layer that owns some (running_var kept positive). */
export function randomParameters(a: Analysis, seed: number): { set: ParameterSet; byLayer: Map<number, Record<string, Tensor>> } {
  const rand = rng(seed);
  const byLayer = new Map<number, Record<string, Tensor>>();
  for (const r of a.layers) {
    const input = r.inputShapes[0];
    if (!input) continue;
    const exp = expectedParameters(r.decl, input);
    if (!Object.keys(exp).length) continue;
    const t: Record<string, Tensor> = {};
    for (const [k, shape] of Object.entries(exp)) {
      const n = shape.reduce((x, y) => x * y, 1);
      t[k] = { shape, data: k === 'running_var' ? randomArray(n, rand, 0.2, 2) : randomArray(n, rand, -0.5, 0.5) };
    }
    byLayer.set(r.decl.index, t);
  }
  return { set: { byLayer: new Map([...byLayer].map(([i, tensors]) => [i, { tensors, source: 'file' as const }])), warnings: [] }, byLayer };
}
