// Analysis (+ the tensors each layer owns) → an in-memory ONNX model, opset 17, NCHW float32 with a
// symbolic batch. Every layer's output is also a graph output, so intermediate maps can be shown and
// the shapes that ran can be compared with the checker's. Semantics follow the shape checker:
// conv/pool windows get explicit pads (see windowPads.ts), pools follow PyTorch, flatten is
// torch.flatten's order on NCHW, dense is Gemm with weight [units, in].
import type { Analysis } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';
import { isLayerType, type LayerParams, type Pair, type Padding, type Shape } from '../../../core/src/index';
import type { Tensor } from '../weights/types';
import type { ParameterSet } from '../weights/types';
import { ModelError, refuseErrors } from './modelErrors';
import { translate, type LayerIO } from './translations';
import { IR_VERSION, OPSET, attrs, floatTensor, floatValueInfo, int64Tensor, type Attr, type onnx } from './proto';
import { axisPads, floorOutput, paddingPerAxis, type AxisPads } from './windowPads';
import { t } from '../../../core/src/index';

export const INPUT_TENSOR = 'input';

export function layerOutputName(index: number): string {
  return `layer${index}`;
}

/** Node names start with `L<index>.` so that profiler events map back to layers. */
export function layerOfNodeName(name: string): number | undefined {
  const m = /^L(\d+)\./.exec(name);
  return m ? Number(m[1]) : undefined;
}

export interface BuiltGraph {
  model: onnx.IModelProto;
  input: { name: string; shape: Shape };
  /** Graph output names, one per layer, in layer order. */
  outputs: string[];
  /** The last layer's output name: the network's result. */
  finalOutput: string;
}

export interface BuildOptions {
  /** Shown in messages. */
  fileName: string;
  /** Expose every layer's output (default true). false keeps only the last: ORT may fuse more. */
  exposeAll?: boolean;
  /** With exposeAll false: these layers' outputs too (the maps a run shows). */
  expose?: readonly number[];
}

export function buildGraph(analysis: Analysis, params: ParameterSet, opts: BuildOptions): BuiltGraph {
  refuseErrors(analysis, opts.fileName);
  const inputShape = analysis.model.input?.value;
  if (!inputShape) throw new ModelError(t('runnerErrors.noInputShape', { file: opts.fileName }));
  if (analysis.layers.length === 0) throw new ModelError(t('runnerErrors.noLayers', { file: opts.fileName }));
  const b = new GraphBuilder(params);
  for (const r of analysis.layers) b.layer(r, opts.fileName);
  const exposeAll = opts.exposeAll ?? true;
  const last = analysis.layers.length - 1;
  const outputs = analysis.layers.map((r) => layerOutputName(r.decl.index));
  const also = new Set(opts.expose ?? []);
  const exposed = analysis.layers.filter((r) => exposeAll || r.decl.index === last || also.has(r.decl.index));
  const name = analysis.model.name?.value ?? opts.fileName;
  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'cnn-shape',
    graph: {
      name,
      node: b.nodes,
      initializer: b.initializers,
      input: [floatValueInfo(INPUT_TENSOR, ['batch', inputShape.depth, inputShape.height, inputShape.width])],
      output: exposed.map((r) => {
        const o = r.output!;
        return floatValueInfo(layerOutputName(r.decl.index), ['batch', o.depth, o.height, o.width]);
      }),
    },
  };
  return { model, input: { name: INPUT_TENSOR, shape: inputShape }, outputs, finalOutput: layerOutputName(last) };
}

export class GraphBuilder {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  private counter = 0;
  private index = 0;

  /** The layer being translated (node and initialiser names start with it). */
  get layerIndex(): number {
    return this.index;
  }

  constructor(private readonly params: ParameterSet) {}

  private tensors(r: LayerResult, fileName: string): Record<string, Tensor> {
    const p = this.params.byLayer.get(r.decl.index);
    if (!p) throw new ModelError(t('runnerErrors.layerNoWeights', { file: fileName, index: r.decl.index, type: r.decl.type }));
    return p.tensors;
  }

  layer(r: LayerResult, fileName: string): void {
    const d = r.decl;
    this.index = d.index;
    this.counter = 0;
    const input = r.inputShapes[0];
    const output = r.output;
    if (!input || !output || !isLayerType(d.type)) throw new ModelError(t('runnerErrors.layerNoShape', { file: fileName, index: d.index, type: d.type }));
    const ins = r.sources.map((s) => (s < 0 ? INPUT_TENSOR : layerOutputName(s)));
    const io: LayerIO = { x: ins[0]!, ins, input, output, out: layerOutputName(d.index), weights: () => this.tensors(r, fileName) };
    translate(d.type, d.values, this, io);
  }

  /** Adds one node of the current layer; returns its output name. */
  op(opType: string, inputs: string[], a: Record<string, Attr | { float: number }> = {}, output?: string): string {
    const name = `L${this.index}.${opType}${this.counter++}`;
    const out = output ?? `${name}:out`;
    this.nodes.push({ name, opType, input: inputs, output: [out], attribute: attrs(a) });
    return out;
  }

  constFloat(key: string, dims: number[], data: Float32Array): string {
    const name = `L${this.index}.${key}`;
    this.initializers.push(floatTensor(name, dims, data));
    return name;
  }

  constInts(key: string, values: number[]): string {
    const name = `L${this.index}.${key}`;
    this.initializers.push(int64Tensor(name, values));
    return name;
  }

  /** The layer's weight tensor `key` as an initialiser. */
  weight(tensors: Record<string, Tensor>, key: string): string {
    const w = tensors[key];
    if (!w) throw new ModelError(t('runnerErrors.weightMissing', { index: this.index, key }));
    return this.constFloat(key, w.shape, w.data);
  }

  windowPads(input: Shape, output: Shape, kernel: Pair, stride: Pair, dilation: Pair, padding: Padding, index: number): [AxisPads, AxisPads] {
    const p = paddingPerAxis(padding);
    const h = axisPads(input.height, kernel[0], stride[0], dilation[0], p[0], output.height);
    const w = axisPads(input.width, kernel[1], stride[1], dilation[1], p[1], output.width);
    // The pads are derived from the checker's sizes; if ONNX would compute another size, that is a bug here.
    const oh = floorOutput(input.height, h, kernel[0], stride[0], dilation[0]);
    const ow = floorOutput(input.width, w, kernel[1], stride[1], dilation[1]);
    if (oh !== output.height || ow !== output.width) {
      // dev-only: an invariant (the pads are derived from the checker's sizes); a user never causes it
      throw new ModelError(`layer ${index}: internal error: pads give ${ow}×${oh}, the checker says ${output.width}×${output.height}`);
    }
    return [h, w];
  }

  /**
   * Average pooling as PyTorch computes it: numeric padding counts the padded zeros
   * (count_include_pad=True) but not the extra end of a ceil_mode window; `same` (a Keras notion)
   * averages the real pixels only, as Keras does. Built as Pad → AveragePool without pads (sum / k²)
   * → × k²/divisor where a window's divisor differs, so that no runtime's own pad rules matter.
   */
  avgpool(x: string, input: Shape, output: Shape, p: LayerParams<'avgpool'>, out: string): void {
    const { kernel, stride, padding } = p;
    const [ph, pw] = this.windowPads(input, output, kernel, stride, [1, 1], padding, this.index);
    const same = padding === 'same';
    const divisors = (n: number, pads: AxisPads, k: number, s: number, count: number): number[] => {
      const out: number[] = [];
      for (let o = 0; o < count; o++) {
        const start = o * s - pads.begin;
        if (same) out.push(Math.min(start + k, n) - Math.max(start, 0));
        else out.push(Math.min(start + k, n + pads.begin) - start); // PyTorch: the window ends at the padded edge
      }
      return out;
    };
    const dh = divisors(input.height, ph, kernel[0], stride[0], output.height);
    const dw = divisors(input.width, pw, kernel[1], stride[1], output.width);
    let padded = x;
    if (ph.begin || ph.end || pw.begin || pw.end) {
      padded = this.op('Pad', [x, this.constInts('pads', [0, 0, ph.begin, pw.begin, 0, 0, ph.end, pw.end])], { mode: 'constant' });
    }
    const needsScale = dh.some((v) => v !== kernel[0]) || dw.some((v) => v !== kernel[1]);
    const pooled = this.op('AveragePool', [padded], { kernel_shape: kernel, strides: stride }, needsScale ? undefined : out);
    if (!needsScale) return;
    const factor = new Float32Array(output.height * output.width);
    for (let i = 0; i < output.height; i++) {
      for (let j = 0; j < output.width; j++) factor[i * output.width + j] = (kernel[0] * kernel[1]) / (dh[i]! * dw[j]!);
    }
    this.op('Mul', [pooled, this.constFloat('divisor', [1, 1, output.height, output.width], factor)], {}, out);
  }
}
