// Comparing onnxruntime's outputs with the reference: same dims, every value within 1e-4 (absolute,
// or relative for large values).
import assert from 'node:assert/strict';
import type { OutputTensor } from '../../../runner/src/engine/session';
import type { T3 } from '../reference/tensor';

export const TOLERANCE = 1e-4;

export function maxError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i]! - want[i]!) / Math.max(1, Math.abs(want[i]!));
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

export function assertClose(got: OutputTensor, want: T3, what: string): void {
  assert.deepEqual(got.dims, [1, want.c, want.h, want.w], `${what}: dims`);
  const e = maxError(got.data, want.data);
  assert.ok(e <= TOLERANCE, `${what}: max error ${e} > ${TOLERANCE}`);
}
