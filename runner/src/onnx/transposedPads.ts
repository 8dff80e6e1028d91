// ConvTranspose pads that make ONNX give exactly the checker's size:
//   out = s·(n − 1) + d(k − 1) + 1 − pad_begin − pad_end (+ what no input reaches, at the end)
// A number p removes p at the start and p − output_padding at the end (PyTorch's output_padding only
// gives back rows the end padding took away, or adds rows no input reaches: zeros plus bias). `same`
// (n·s) removes d(k − 1) + 1 − s, the smaller half first, or adds s − (d(k − 1) + 1) at the end.
// Rows no input reaches are added by a Pad after the ConvTranspose, not by its output_padding:
// onnxruntime refuses an output_padding as large as the stride, which PyTorch allows when it is
// smaller than the dilation.
import type { LayerParams } from '../../../core/src/index';
import { ModelError } from './modelErrors';
import type { LayerIO } from './translations';

export interface TransposedPads {
  /** ONNX pads [h_begin, w_begin, h_end, w_end], all ≥ 0. */
  pads: number[];
  /** Rows and columns [h, w] to add at the end after the ConvTranspose (zeros, then the bias). */
  extra: [number, number];
}

export function transposedPads(p: LayerParams<'convtranspose'>, io: LayerIO, index: number): TransposedPads {
  const n = [io.input.height, io.input.width];
  const want = [io.output.height, io.output.width];
  const begin: number[] = [];
  const end: number[] = [];
  const extra: [number, number] = [0, 0];
  for (const i of [0, 1] as const) {
    const k = p.dilation[i] * (p.kernel[i] - 1) + 1;
    const s = p.stride[i];
    let b: number;
    let e: number;
    if (p.padding === 'same') {
      const total = k - s;
      b = total > 0 ? Math.floor(total / 2) : 0;
      e = total - b; // negative where the kernel is shorter than the stride: added at the end
    } else {
      const pad = p.padding === 'valid' ? 0 : p.padding[i];
      b = pad;
      e = pad - p.output_padding[i];
    }
    begin.push(b);
    end.push(Math.max(e, 0));
    extra[i] = Math.max(-e, 0);
    const got = s * (n[i]! - 1) + k - b - end[i]! + extra[i];
    // dev-only: an invariant (the pads are derived from the checker's sizes); a user never causes it
    if (got !== want[i]) throw new ModelError(`layer ${index}: internal error: ConvTranspose would give ${got}, the checker says ${want[i]}`);
  }
  return { pads: [begin[0]!, begin[1]!, end[0]!, end[1]!], extra };
}
