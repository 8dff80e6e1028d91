// The runner's result, as `cnnshape run --json` prints it (the spec's "Runner output") plus the
// errors and notices of the run.
import type { Shape } from '../../../core/src/index';

export interface TopEntry {
  index: number;
  label?: string;
  score: number;
}

export interface ImageOutput {
  image: string;
  /** The last layer's values for this image, in torch.flatten order (depth, rows, columns). */
  output: number[];
  /** The five largest values, largest first. */
  top: TopEntry[];
  /** Wall time of this image's forward pass (the first image's includes copying out every layer's output). */
  ms?: number;
}

export interface LayerRun {
  index: number;
  name: string;
  type: string;
  /** The shape that ran, from the output tensor's dims. */
  output: Shape;
  /** The checker's predicted shape. */
  predicted: Shape | null;
  /** onnxruntime's kernel time for the layer (median over the images, after a warm-up pass); null where not measured. */
  ms: number | null;
}

export interface RunResult {
  outputs: ImageOutput[];
  layers: LayerRun[];
  /** Images that could not be run, with the reason; the others ran. */
  errors: Array<{ image: string; error: string }>;
  /** Things to tell the user that did not stop the run (unused weights, engine fallback, …). */
  warnings: string[];
  engine: 'native' | 'wasm';
  /** Present when some layer has no trained weights. */
  untrained?: { seed: number; layers: number[] };
}

export function shapeOfDims(dims: number[]): Shape {
  // NCHW, batch first.
  return { width: dims[3] ?? 1, height: dims[2] ?? 1, depth: dims[1] ?? 1 };
}

export function topK(values: ArrayLike<number>, k: number, labels?: string[]): TopEntry[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  // Ties keep the lower index first; NaN sorts last.
  const v = (i: number) => (Number.isNaN(values[i]!) ? -Infinity : values[i]!);
  idx.sort((a, b) => v(b) - v(a) || a - b);
  return idx.slice(0, k).map((index) => {
    const label = labels?.[index];
    return label !== undefined ? { index, label, score: values[index]! } : { index, score: values[index]! };
  });
}
