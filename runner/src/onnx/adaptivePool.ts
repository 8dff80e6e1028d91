// Adaptive pools as PyTorch computes them (opset 17 has no adaptive pool op): output cell i covers
// input floor(i·n/o) to ceil((i + 1)·n/o), windows of uneven size. Both are separable by axis:
// the average is Ah · x · Aw with constant averaging matrices (MatMul broadcasts over N and C); the
// max is taken along the width, then along the height, by MaxPool where o divides n (even windows),
// else one Slice + ReduceMax per output column or row, joined by Concat.
import { adaptiveWindow } from '../../../core/src/index';
import type { GraphBuilder } from './buildGraph';
import type { LayerIO } from './translations';

/** [n, o] row-major: column j averages input rows of cell j. */
function averaging(n: number, o: number): Float32Array {
  const m = new Float32Array(n * o);
  for (let j = 0; j < o; j++) {
    const [a, b] = adaptiveWindow(j, n, o);
    for (let i = a; i < b; i++) m[i * o + j] = 1 / (b - a);
  }
  return m;
}

export function adaptiveAvgPool(g: GraphBuilder, io: LayerIO): void {
  const { input: x, output: y } = io;
  const aw = g.constFloat('avg_w', [x.width, y.width], averaging(x.width, y.width));
  const rows = g.op('MatMul', [io.x, aw]); // [N, C, H, ow]
  // Ah[j, i] = averaging(H, oh)[i, j]: built transposed, [oh, H].
  const t = averaging(x.height, y.height);
  const ah = new Float32Array(t.length);
  for (let i = 0; i < x.height; i++) for (let j = 0; j < y.height; j++) ah[j * x.height + i] = t[i * y.height + j]!;
  g.op('MatMul', [g.constFloat('avg_h', [y.height, x.height], ah), rows], {}, io.out);
}

export function adaptiveMaxPool(g: GraphBuilder, io: LayerIO): void {
  const w = maxAlong(g, io.x, 3, io.input.width, io.output.width);
  maxAlong(g, w, 2, io.input.height, io.output.height, io.out);
}

/** Max over the cells of one axis (2 = height, 3 = width) of an NCHW tensor. */
function maxAlong(g: GraphBuilder, x: string, axis: 2 | 3, n: number, o: number, out?: string): string {
  if (n % o === 0) {
    const k = n / o;
    const kernel = axis === 2 ? [k, 1] : [1, k];
    return g.op('MaxPool', [x], { kernel_shape: kernel, strides: kernel }, out);
  }
  const cells: string[] = [];
  for (let j = 0; j < o; j++) {
    const [a, b] = adaptiveWindow(j, n, o);
    const key = `ax${axis}c${j}`;
    const slice = g.op('Slice', [x, g.constInts(`${key}s`, [a]), g.constInts(`${key}e`, [b]), g.constInts(`${key}a`, [axis])]);
    cells.push(g.op('ReduceMax', [slice], { axes: [axis], keepdims: 1 }));
  }
  return g.op('Concat', cells, { axis }, out);
}
