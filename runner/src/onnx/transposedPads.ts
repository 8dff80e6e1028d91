// ConvTranspose pads and output_padding that make ONNX give exactly the checker's size:
//   out = s·(n − 1) + output_padding + d(k − 1) + 1 − pad_begin − pad_end
// A number pads both sides (PyTorch); `same` (n·s) removes d(k − 1) + 1 − s, the smaller half first,
// and where the kernel is shorter than the stride adds the missing end as output padding.
import type { LayerParams } from '../../../core/src/index';
import { ModelError } from './modelErrors';
import type { LayerIO } from './translations';

export function transposedPads(p: LayerParams<'convtranspose'>, io: LayerIO, index: number): { pads: number[]; outputPadding: number[] } {
  const n = [io.input.height, io.input.width];
  const want = [io.output.height, io.output.width];
  const begin: number[] = [];
  const end: number[] = [];
  const extra: number[] = [];
  for (const i of [0, 1] as const) {
    const k = p.dilation[i] * (p.kernel[i] - 1) + 1;
    const s = p.stride[i];
    if (p.padding === 'same') {
      const total = k - s;
      begin.push(Math.max(Math.floor(total / 2), 0));
      end.push(Math.max(total - Math.floor(total / 2), 0));
      extra.push(Math.max(-total, 0));
    } else {
      const pad = p.padding === 'valid' ? 0 : p.padding[i];
      begin.push(pad);
      end.push(pad);
      extra.push(p.output_padding[i]);
    }
    const got = s * (n[i]! - 1) + extra[i]! + k - begin[i]! - end[i]!;
    if (got !== want[i]) throw new ModelError(`layer ${index}: internal error: ConvTranspose would give ${got}, the checker says ${want[i]}`);
  }
  return { pads: [begin[0]!, begin[1]!, end[0]!, end[1]!], outputPadding: extra };
}
