// The tensors a run uses, per layer, in PyTorch layouts (conv [F, C/g, kh, kw], dense [units, in]).

export interface Tensor {
  shape: number[];
  data: Float32Array;
}

/** Where a layer's tensors came from. */
export type ParameterSource = 'file' | 'inline' | 'he';

export interface LayerParameters {
  tensors: Record<string, Tensor>;
  source: ParameterSource;
}

export interface ParameterSet {
  /** By layer index; only layers that own tensors (conv, dense, batchnorm). */
  byLayer: Map<number, LayerParameters>;
  /** Problems that do not stop the run (unused keys in the weights file). */
  warnings: string[];
  /** The seed of the He initialisation, when some layer uses it. */
  heSeed?: number;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
