// A deliberately tiny, standalone shape and parameter calculator for the golden table of the samples.
// It shares no code with core/src: the point is a second, independent derivation of every
// layer's W×H×D from the textbook formula (W − F + 2P)/S + 1, so that a bug in the core cannot also
// be in its own expectation. Keep it boring: one formula, written out, no cleverness.

export interface Dims {
  width: number;
  height: number;
  depth: number;
}

export interface ExpectedLayer {
  type: string;
  name?: string;
  output: Dims;
  params: number;
}

export type Rounding = 'strict' | 'floor';

export interface ExpectedModel {
  /** Where the architecture comes from, for the reader of the golden file. */
  source: string;
  rounding: Rounding;
  layers: ExpectedLayer[];
  /** Indices of the layers whose exact output size is not whole (errors under strict, notes under floor). */
  notWhole: number[];
  params: number;
  /** The total the literature or torchvision publishes for this network, when there is one. */
  publishedParams?: number;
}

/** One axis of a sliding window. `pad: 'same'` is TensorFlow's rule: ceil(n / s). */
export function windowSize(n: number, k: number, s: number, pad: number | 'same'): { size: number; whole: boolean } {
  if (pad === 'same') return { size: Math.ceil(n / s), whole: true };
  const top = n - k + 2 * pad;
  return { size: Math.floor(top / s) + 1, whole: top % s === 0 };
}

interface Named {
  name?: string;
  /** Names of the layers this one takes; default: the previous layer. */
  from?: string | string[];
}

/** Builds the expected layer list in the same order as the sample file. */
export class Net {
  readonly layers: ExpectedLayer[] = [];
  readonly notWhole: number[] = [];
  private readonly byName = new Map<string, Dims>();

  constructor(readonly input: Dims, readonly rounding: Rounding = 'strict') {}

  private inputs(from: Named['from']): Dims[] {
    if (from === undefined) return [this.layers.length ? this.layers[this.layers.length - 1]!.output : this.input];
    return (Array.isArray(from) ? from : [from]).map((n) => {
      if (n === 'input') return this.input;
      const d = this.byName.get(n);
      if (!d) throw new Error(`expected-table bug: no layer named ${n}`);
      return d;
    });
  }

  private push(type: string, o: Named, output: Dims, params: number): this {
    const l: ExpectedLayer = { type, output, params };
    if (o.name !== undefined) {
      l.name = o.name;
      this.byName.set(o.name, output);
    }
    this.layers.push(l);
    return this;
  }

  private window(inp: Dims, k: number, s: number, p: number | 'same'): { width: number; height: number } {
    const w = windowSize(inp.width, k, s, p);
    const h = windowSize(inp.height, k, s, p);
    if (!w.whole || !h.whole) this.notWhole.push(this.layers.length);
    return { width: w.size, height: h.size };
  }

  conv(filters: number, k: number, o: Named & { s?: number; p?: number | 'same'; groups?: number; bias?: boolean } = {}): this {
    const inp = this.inputs(o.from)[0]!;
    const groups = o.groups ?? 1;
    const weights = filters * (inp.depth / groups) * k * k;
    const size = this.window(inp, k, o.s ?? 1, o.p ?? 0);
    return this.push('conv', o, { ...size, depth: filters }, weights + (o.bias === false ? 0 : filters));
  }

  pool(type: 'maxpool' | 'avgpool', k: number, o: Named & { s?: number; p?: number } = {}): this {
    const inp = this.inputs(o.from)[0]!;
    return this.push(type, o, { ...this.window(inp, k, o.s ?? k, o.p ?? 0), depth: inp.depth }, 0);
  }

  /** relu, tanh, softmax, dropout, …: same shape, no parameters. */
  same(type: string, o: Named = {}): this {
    return this.push(type, o, { ...this.inputs(o.from)[0]! }, 0);
  }

  batchnorm(o: Named = {}): this {
    const inp = this.inputs(o.from)[0]!;
    return this.push('batchnorm', o, { ...inp }, 2 * inp.depth); // γ and β per channel
  }

  flatten(o: Named = {}): this {
    const inp = this.inputs(o.from)[0]!;
    return this.push('flatten', o, { width: 1, height: 1, depth: inp.width * inp.height * inp.depth }, 0);
  }

  globalavgpool(o: Named = {}): this {
    const inp = this.inputs(o.from)[0]!;
    return this.push('globalavgpool', o, { width: 1, height: 1, depth: inp.depth }, 0);
  }

  dense(units: number, o: Named = {}): this {
    const inp = this.inputs(o.from)[0]!;
    if (inp.width !== 1 || inp.height !== 1) throw new Error('expected-table bug: dense on a map');
    return this.push('dense', o, { width: 1, height: 1, depth: units }, inp.depth * units + units);
  }

  upsample(scale: number, o: Named = {}): this {
    const inp = this.inputs(o.from)[0]!;
    return this.push('upsample', o, { width: inp.width * scale, height: inp.height * scale, depth: inp.depth }, 0);
  }

  add(o: Named & { from: string[] }): this {
    const ins = this.inputs(o.from);
    if (ins.some((d) => d.width !== ins[0]!.width || d.height !== ins[0]!.height || d.depth !== ins[0]!.depth)) {
      throw new Error(`expected-table bug: add of unequal shapes ${JSON.stringify(ins)}`);
    }
    return this.push('add', o, { ...ins[0]! }, 0);
  }

  concat(o: Named & { from: string[] }): this {
    const ins = this.inputs(o.from);
    const depth = ins.reduce((a, d) => a + d.depth, 0);
    return this.push('concat', o, { width: ins[0]!.width, height: ins[0]!.height, depth }, 0);
  }

  done(source: string, publishedParams?: number): ExpectedModel {
    const params = this.layers.reduce((a, l) => a + l.params, 0);
    if (publishedParams !== undefined && params !== publishedParams) {
      throw new Error(`expected-table bug: ${source}: ${params} parameters, published ${publishedParams}`);
    }
    const m: ExpectedModel = { source, rounding: this.rounding, layers: this.layers, notWhole: this.notWhole, params };
    if (publishedParams !== undefined) m.publishedParams = publishedParams;
    return m;
  }
}
