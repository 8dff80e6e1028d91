// Walks the desugared layers in order, resolving inputs (and `ref` parameters such as crop's `like`)
// and computing each layer's output shape from its inputs' shapes with the layer type's own rule
// (layers/*.ts), plus parameters, MACs and the receptive field. After a mistake, checking goes on with
// the best shape there is (a layer of unknown type passes its input through, an add of mismatched
// inputs takes the first one's shape), marked `estimated`; a layer fed by an estimate gets a shape and
// counts in the totals but reports no errors of its own: one mistake is reported once, where it is made.
import type { CoreDiagnostic, RelatedInfo } from '../diagnostics/diagnostic';
import { expectedParameters, shapeText } from '../layers/parameterShapes';
import { LAYERS } from '../layers/registry';
import type { LayerSpec, RoundedOutput, ShapeContext, ShapeResult } from '../layers/spec';
import type { InlineTensor } from '../model/readModel';
import type { InputRef, LayerDecl, Model, Pair, Shape } from '../model/types';
import type { Span } from '../syntax/ast';
import { MAX_SIZE } from '../model/values';
import { didYouMean, sentences } from '../text/suggest';
import { t } from '../i18n/t';
import { layerLabel } from './layerLabel';
import { formatNumber } from './outputSize';
import { own } from '../text/own';

export interface ReceptiveField {
  /** Receptive field size [height, width] in input pixels. */
  size: Pair;
  /** Jump (cumulative stride) [height, width]: input pixels between neighbouring outputs. */
  jump: Pair;
}

export interface LayerResult {
  /** The arithmetic per axis with the file's numbers, for hovers (built on first use). */
  readonly arithmetic: string[];
  decl: LayerDecl;
  /** Indices of the layers feeding this one; -1 is the network input. */
  sources: number[];
  inputShapes: Array<Shape | null>;
  output: Shape | null;
  params: number;
  macs: number;
  /** Output values (W·H·D). */
  activations: number;
  field: ReceptiveField | null;
  /** Layers that take this one's output (or name it in a `ref` parameter). */
  consumers: number[];
  /**
   * The output (and the counts) are a best guess: this layer has an error that leaves its output
   * unknown, or a layer before it does. Shown as "≈"; `cnnshape check --json` gives `output: null`.
   */
  estimated: boolean;
  /** The layers that `ref` parameters name, by parameter key (-1: the network input). */
  refs: ReadonlyMap<string, number> | undefined;
  /** Set when the output size was not whole and was rounded (down under `strict`, where it is an error). */
  rounded: RoundedOutput | undefined;
}

export interface Totals {
  params: number;
  macs: number;
  /** Float32 bytes of every layer's output plus the input. */
  activationBytes: number;
  /** How many layers' numbers above are estimates (see LayerResult.estimated); 0: all exact. */
  estimated: number;
}

export interface InferResult {
  layers: LayerResult[];
  diagnostics: CoreDiagnostic[];
  totals: Totals;
}

export const INPUT_NAME = 'input';

export function inferShapes(model: Model): InferResult {
  const diags: CoreDiagnostic[] = [];
  const layers = model.layers;
  const ids = new Map<string, number>();
  for (const l of layers) {
    const existing = ids.get(l.id);
    if (l.id === INPUT_NAME && l.name) {
      diags.push({ severity: 'error', code: 'duplicate-name', message: t('shape.inputNameTaken', { name: INPUT_NAME }), span: l.name.span!, layerIndex: l.index });
    } else if (existing !== undefined && l.name) {
      const first = layers[existing]!;
      // Two layers of one copy with one name: reported once, in the block's definition.
      if (l.block && first.block === l.block) continue;
      diags.push({
        severity: 'error', code: 'duplicate-name', message: t('shape.nameTaken', { name: l.id, index: existing }), span: l.name.span!, layerIndex: l.index,
        related: [{ span: first.name?.span ?? first.typeSpan, message: t('shape.firstName', { name: l.id }) }],
      });
    } else if (existing === undefined) ids.set(l.id, l.index);
  }
  if (model.blocks) addBlockNames(model, ids, diags);

  const results = new Array<Result>(layers.length);
  const inputShape = model.input?.value ?? null;
  const rounding = model.rounding.value;
  const env: Env = { layers, rounding, model, shapeOf: (s) => (s < 0 ? inputShape : results[s]?.output ?? null) };
  const names = () => [...ids.keys()].filter((k) => !/^\d+$/.test(k)).concat(INPUT_NAME); // only for messages

  /** Resolves one reference to a layer (an `inputs` entry or a `ref` parameter) of layer i; reports why not. */
  const resolve = (i: number, name: string, span: Span): number | undefined => {
    if (name === INPUT_NAME) return -1;
    const decl = layers[i]!;
    const j = ids.get(name);
    if (j === undefined) {
      diags.push({ severity: 'error', code: 'unknown-reference', message: sentences(t('shape.noLayerNamed', { name }), didYouMean(name, names().filter((n) => ids.get(n) === undefined || ids.get(n)! < i))), span, layerIndex: i });
    } else if (j === i) {
      diags.push({ severity: 'error', code: 'cycle', message: t('shape.ownOutput', { name: decl.id }), span, layerIndex: i });
    } else if (j > i) {
      const later = layers[j]!;
      const loops = later.inputs?.some((x) => ids.get(x.name) !== undefined && ids.get(x.name)! <= i) ?? false;
      diags.push({
        severity: 'error', code: loops ? 'cycle' : 'forward-reference',
        message: t(loops ? 'shape.cycle' : 'shape.definedLater', { name, index: j }),
        span, layerIndex: i,
        related: [{ span: later.name?.span ?? later.typeSpan, message: t('shape.definedHere', { name }) }],
      });
    } else return j;
    return undefined;
  };
  const shapeOf = (s: number): Shape | null => (s < 0 ? inputShape : results[s]!.output);
  const guessed = (s: number): boolean => s >= 0 && results[s]!.estimated;
  // The nearest layer above each one whose size was not whole and was floored under strict (-1: none).
  const roundedAbove: number[] = [];

  for (let i = 0; i < layers.length; i++) {
    const decl = layers[i]!;
    const r = new Result(decl, env);
    results[i] = r;
    let resolved = true;
    if (decl.inputs) {
      r.sources = [];
      for (const ref of decl.inputs) {
        if (ref.unresolved) {
          resolved = false; // reported where it is written
          continue;
        }
        const j = resolve(i, ref.name, ref.span);
        if (j === undefined) resolved = false;
        else r.sources.push(j);
      }
    } else if (decl.after !== undefined) {
      // Inside a block or after a block use: the layer before is named, as it need not be the one above.
      const j = decl.after === INPUT_NAME ? -1 : ids.get(decl.after);
      if (j === undefined || j >= i) {
        r.sources = [];
        resolved = false;
      } else r.sources = [j];
    } else r.sources = [i - 1];

    for (const s of r.sources) if (s >= 0) results[s]!.addConsumer(i);
    const spec = LAYERS.get(decl.type);
    const refKeys = spec && decl.usable ? refKeysOf(spec) : NO_KEYS;
    for (const k of refKeys) {
      const loc = decl.params.get(k);
      if (!loc?.span) continue;
      const j = resolve(i, loc.value as string, loc.span);
      if (j === undefined) {
        resolved = false;
        continue;
      }
      (r.refs ??= new Map()).set(k, j);
      if (j >= 0) results[j]!.addConsumer(i);
    }
    // A layer whose inputs could not all be resolved is estimated from those that were, else from the layer before.
    const from = !resolved && r.sources.length === 0 ? [i - 1] : r.sources;
    r.inputShapes = from.map(shapeOf);
    if (r.inputShapes.length === 0 || r.inputShapes.some((s) => s === null)) continue;
    const inputs = r.inputShapes as Shape[];
    if (!spec || !decl.usable) {
      // Unknown type or a required parameter missing (reported by the reader): the input passes through.
      r.setOutput({ ...inputs[0]! }, true);
      continue;
    }
    let certain = resolved && !from.some(guessed) && !(r.refs && [...r.refs.values()].some(guessed));
    if (resolved && spec.arity === 'one' && r.sources.length !== 1) {
      diags.push({ severity: 'error', code: 'input-count', message: t('shape.oneInput', { type: decl.type, count: r.sources.length }), span: decl.inputsSpan ?? decl.typeSpan, layerIndex: i });
      certain = false;
    }
    if (resolved && spec.arity === 'many' && r.sources.length < 2) {
      diags.push({ severity: 'error', code: 'input-count', message: t('shape.manyInputs', { type: decl.type, count: r.sources.length }), span: decl.inputsSpan ?? decl.typeSpan, layerIndex: i });
      certain = false;
    }
    const used = spec.arity === 'one' ? inputs.slice(0, 1) : inputs;
    r.inputShapes = used;
    // Only a layer whose inputs are all certain reports its own errors: an estimate's follow-on errors are not new mistakes.
    const ctx = new LayerContext(decl, used, r.sources, layers, rounding, certain ? diags : [], model, r.refs, shapeOf);
    const reported = diags.length;
    let out: ShapeResult;
    try {
      out = spec.shape(ctx);
    } catch (e) {
      // A rule that throws is a bug here, not in the user's file; keep the rest of the analysis alive.
      diags.push({ severity: 'error', code: 'syntax', message: t('shape.internalError', { type: decl.type, error: (e as Error).message }), span: decl.typeSpan, layerIndex: i });
      r.setOutput({ ...used[0]! }, true);
      continue;
    }
    const past = tooLarge(out);
    if (past) {
      // Numbers past these are not real and not exact (16 upsamples reach 10^150, concats Infinity): stop here.
      if (certain) diags.push({ severity: 'error', code: 'out-of-range', message: past, span: decl.typeSpan, layerIndex: i });
      r.setOutput(null, true);
      continue;
    }
    r.params = out.params ?? 0;
    r.macs = out.macs ?? 0;
    r.explains = out.arithmetic !== undefined;
    r.setOutput(out.output, !certain || out.estimated === true);
    r.rounded = ctx.rounded;
    roundedAbove[i] = nearestRounded(r.sources, results, roundedAbove);
    // Not inside a block: its copies' messages are merged into one, which must read alike.
    if (roundedAbove[i]! >= 0 && !decl.block) blameRounding(diags, reported, layers[roundedAbove[i]!]!, results[roundedAbove[i]!]!);
    setField(r, results, out, used);
    if (decl.inlineParameters && certain) checkInline(decl, used[0]!, diags);
  }

  // Unused layers: not the last one, and no layer takes their output.
  for (let i = 0; i < results.length - 1; i++) {
    const r = results[i]!;
    if (r.consumers.length === 0) {
      const d = r.decl;
      // Inside a block the message names the layer as the definition does, so that copies agree.
      const label = d.block ? (d.name ? `'${d.name.value}'` : t('shape.blockLayer', { index: d.blockLayer ?? '?', type: d.type || '?' })) : layerLabel(d);
      diags.push({ severity: 'warning', code: 'unused-layer', message: t('shape.unusedOutput', { layer: label }), span: d.name?.span ?? d.typeSpan, layerIndex: i, tags: ['unnecessary'] });
    }
  }

  const totals: Totals = { params: 0, macs: 0, activationBytes: inputShape ? 4 * inputShape.width * inputShape.height * inputShape.depth : 0, estimated: 0 };
  for (const r of results) {
    totals.params += r.params;
    totals.macs += r.macs;
    totals.activationBytes += 4 * r.activations;
    if (r.estimated) totals.estimated++;
  }
  return { layers: results, diagnostics: diags, totals };
}

const LARGEST_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * Why a layer's result is too large to be computed on, or undefined: a side past MAX_SIZE (the
 * largest size the reader accepts), or a count of output values, parameters or MACs past 2^53 (no
 * longer exact).
 */
function tooLarge(out: ShapeResult): string | undefined {
  const o = out.output;
  if (o) {
    for (const [side, v] of [['shape.width', o.width], ['shape.height', o.height], ['shape.depth', o.depth]] as const) {
      if (!(v <= MAX_SIZE)) return t('shape.sideTooLarge', { side: t(side), value: bigText(v), max: MAX_SIZE.toLocaleString('en-US') });
    }
  }
  const values = o ? o.width * o.height * o.depth : 0;
  for (const [id, v] of [['shape.valuesTooMany', values], ['shape.parametersTooMany', out.params ?? 0], ['shape.macsTooMany', out.macs ?? 0]] as const) {
    if (!(v <= LARGEST_COUNT)) return t(id, { value: bigText(v) });
  }
  return undefined;
}

function bigText(v: number): string {
  if (!Number.isFinite(v)) return t('shape.infinite');
  return v < 1e21 ? Math.round(v).toLocaleString('en-US') : v.toExponential(2).replace(/e\+?/, ' × 10^');
}

/** A block use's name (`layer1`) and its copies' (`layer1.0`) name their outputs; a layer may not take one of them. */
function addBlockNames(model: Model, ids: Map<string, number>, diags: CoreDiagnostic[]): void {
  for (const [name, index] of model.blocks!.aliases) {
    const existing = ids.get(name);
    const l = existing === undefined ? undefined : model.layers[existing]!;
    // A use's name wins over an unnamed layer's (a use that could not be expanded keeps its name too).
    if (!l?.name) {
      ids.set(name, index);
      continue;
    }
    const use = model.blocks!.uses.find((u) => u.id === name || u.copies.some((c) => c.copy.use === name));
    if (!l.block) {
      diags.push({
        severity: 'error', code: 'duplicate-name', message: t('shape.useOutputName', { name }), span: l.name.span!, layerIndex: l.index,
        ...(use ? { related: [{ span: use.typeSpan, message: t('shape.theUse', { name: use.id }) }] } : {}),
      });
    }
  }
}

/** What a layer's arithmetic is recomputed from, shared by every result of one analysis. */
interface Env {
  layers: LayerDecl[];
  rounding: Model['rounding']['value'];
  model: Model;
  /** A layer's output shape (-1: the network input). */
  shapeOf: (s: number) => Shape | null;
}

const NONE: readonly number[] = Object.freeze([]);
const NO_KEYS: readonly string[] = Object.freeze([]);
const refKeysByType = new Map<string, readonly string[]>();

/** A layer type's `ref` parameters (crop's `like`), computed once per type. */
export function refKeysOf(spec: LayerSpec): readonly string[] {
  let keys = refKeysByType.get(spec.type);
  if (!keys) {
    keys = Object.entries(spec.params).filter(([, p]) => p.kind === 'ref').map(([k]) => k);
    refKeysByType.set(spec.type, keys.length ? keys : NO_KEYS);
  }
  return keys;
}

/** The layer names a layer's `ref` parameters hold, with where they are written: rename and go-to-definition treat them as `inputs`. */
export function refParams(decl: LayerDecl): InputRef[] {
  const spec = LAYERS.get(decl.type);
  if (!spec) return [];
  const out: InputRef[] = [];
  for (const k of refKeysOf(spec)) {
    const loc = decl.params.get(k);
    if (loc?.span && typeof loc.value === 'string') out.push({ name: loc.value, span: loc.span });
  }
  return out;
}

/**
 * One layer's result. Built for every layer on every keystroke, so it keeps numbers, not objects:
 * the receptive field is four numbers until asked for, and the arithmetic text is recomputed (for
 * one layer, when a hover asks) rather than kept for all.
 */
class Result implements LayerResult {
  sources: number[] = NONE as number[];
  inputShapes: Array<Shape | null> = [];
  output: Shape | null = null;
  estimated = false;
  refs: Map<string, number> | undefined = undefined;
  rounded: RoundedOutput | undefined = undefined;
  params = 0;
  macs = 0;
  activations = 0;
  /** Whether the layer's rule explains its arithmetic. */
  explains = false;
  /** Receptive field and jump, [height, width]; NaN where unknown. */
  fh = NaN;
  fw = NaN;
  jh = NaN;
  jw = NaN;
  private users: number[] | undefined;
  private text: string[] | undefined;
  private fieldObj: ReceptiveField | null | undefined;

  constructor(
    readonly decl: LayerDecl,
    private readonly env: Env,
  ) {}

  /** Sets the output; a size below 1 (an empty output, already reported) makes it an estimate of at least 1. */
  setOutput(out: Shape | null, estimated: boolean): void {
    this.estimated = estimated;
    if (out && (out.width < 1 || out.height < 1 || out.depth < 1)) {
      out = { width: Math.max(out.width, 1), height: Math.max(out.height, 1), depth: Math.max(out.depth, 1) };
      this.estimated = true;
    }
    this.output = out;
    if (out) this.activations = out.width * out.height * out.depth;
  }

  get consumers(): number[] {
    return this.users ?? (NONE as number[]);
  }

  addConsumer(i: number): void {
    if (this.users) this.users.push(i);
    else this.users = [i];
  }

  get field(): ReceptiveField | null {
    if (this.fieldObj === undefined) this.fieldObj = Number.isNaN(this.fh) ? null : { size: [this.fh, this.fw], jump: [this.jh, this.jw] };
    return this.fieldObj;
  }

  get arithmetic(): string[] {
    if (this.text === undefined) {
      this.text = [];
      const spec = LAYERS.get(this.decl.type);
      if (this.explains && spec && this.inputShapes.every((x) => x !== null)) {
        // The rule runs again for this one layer; what it reports was reported the first time.
        const ctx = new LayerContext(this.decl, this.inputShapes, this.sources, this.env.layers, this.env.rounding, [], this.env.model, this.refs, this.env.shapeOf);
        this.text = spec.shape(ctx).arithmetic?.() ?? [];
      }
    }
    return this.text;
  }
}

/** The first strictly rounded layer above one fed by `sources` (the cause of the others), or -1. */
function nearestRounded(sources: number[], results: Result[], above: number[]): number {
  for (const s of sources) {
    if (s < 0) continue;
    const first = above[s] ?? -1;
    if (first >= 0) return first;
    if (results[s]!.rounded?.rounding === 'strict') return s;
  }
  return -1;
}

/** A later error on a size that an earlier rounding made says so: the error may go away with it. */
function blameRounding(diags: CoreDiagnostic[], from: number, layer: LayerDecl, r: Result): void {
  const [h, w] = r.rounded!.exact;
  const exact = h === w ? formatNumber(h) : `${formatNumber(w)}×${formatNumber(h)}`;
  for (let k = from; k < diags.length; k++) {
    const d = diags[k]!;
    if (d.severity !== 'error') continue;
    d.message = t('shape.becauseRounded', { message: d.message, layer: layer.name || layer.block ? t('shape.namedLayer', { name: layer.id }) : layerLabel(layer), exact });
  }
}

/** The view of one layer a shape rule gets. A class, so that 20,000 layers cost 20,000 small objects, not closures. */
class LayerContext implements ShapeContext {
  constructor(
    readonly layer: LayerDecl,
    readonly inputs: Shape[],
    private readonly sources: number[],
    private readonly layers: LayerDecl[],
    fileRounding: Model['rounding']['value'],
    private readonly diags: CoreDiagnostic[],
    private readonly model: Model,
    private readonly refs: ReadonlyMap<string, number> | undefined,
    private readonly shapeOf: (s: number) => Shape | null,
  ) {
    this.rounding = layer.rounding?.value ?? fileRounding;
  }

  readonly rounding: Model['rounding']['value'];
  rounded: RoundedOutput | undefined;

  noteRounded(r: RoundedOutput): void {
    this.rounded = r;
  }

  get p(): Record<string, unknown> {
    return this.layer.values;
  }

  spanOf(name: string): Span {
    return this.layer.params.get(name)?.span ?? this.layer.typeSpan;
  }

  has(name: string): boolean {
    return this.layer.params.has(name);
  }

  report(code: CoreDiagnostic['code'], severity: CoreDiagnostic['severity'], message: string, span: Span, extra?: { related?: RelatedInfo[]; fix?: CoreDiagnostic['fix'] }): void {
    const d: CoreDiagnostic = { severity, code, message, span, layerIndex: this.layer.index };
    if (extra?.related?.length) d.related = extra.related;
    if (extra?.fix) d.fix = extra.fix;
    this.diags.push(d);
  }

  producedBy(i: number, what: string): RelatedInfo[] {
    const s = this.sources[i];
    if (s === undefined) return [];
    if (s < 0) return this.model.input?.span ? [{ span: this.model.input.span, message: t('shape.fromInput', { what }) }] : [];
    const l = this.layers[s]!;
    return [{ span: l.name?.span ?? l.typeSpan, message: t('shape.fromLayer', { layer: layerLabel(l), what }) }];
  }

  inputLabel(i: number): string {
    const s = this.sources[i];
    if (s === undefined || s < 0) return t('shape.theInput');
    const l = this.layers[s]!;
    return layerLabel(l);
  }

  refShape(key: string): Shape | undefined {
    const s = this.refs?.get(key);
    return s === undefined ? undefined : (this.shapeOf(s) ?? undefined);
  }

  refProducedBy(key: string, what: string): RelatedInfo[] {
    const s = this.refs?.get(key);
    if (s === undefined) return [];
    if (s < 0) return this.model.input?.span ? [{ span: this.model.input.span, message: t('shape.fromInput', { what }) }] : [];
    const l = this.layers[s]!;
    return [{ span: l.name?.span ?? l.typeSpan, message: t('shape.fromLayer', { layer: layerLabel(l), what }) }];
  }
}

/** The receptive field after this layer, from its inputs' (the largest, for several inputs). */
function setField(r: Result, results: readonly Result[], out: ShapeResult, inputs: Shape[]): void {
  let sh = 0;
  let sw = 0;
  let jh = 0;
  let jw = 0;
  for (const s of r.sources) {
    if (s < 0) {
      sh = Math.max(sh, 1);
      sw = Math.max(sw, 1);
      jh = Math.max(jh, 1);
      jw = Math.max(jw, 1);
      continue;
    }
    const f = results[s]!;
    if (Number.isNaN(f.fh)) return;
    sh = Math.max(sh, f.fh);
    sw = Math.max(sw, f.fw);
    jh = Math.max(jh, f.jh);
    jw = Math.max(jw, f.jw);
  }
  const g = out.field;
  if (g && 'window' in g) {
    const k = g.window.kernel;
    const st = g.window.stride;
    sh += (k[0] - 1) * jh;
    sw += (k[1] - 1) * jw;
    jh *= st[0];
    jw *= st[1];
  } else if (g && 'global' in g) {
    const inp = inputs[0]!;
    sh += (inp.height - 1) * jh;
    sw += (inp.width - 1) * jw;
    jh *= inp.height;
    jw *= inp.width;
  } else if (g && 'transposed' in g) {
    // A transposed convolution is an upsampling by the stride followed by a stride-1 window.
    jh /= g.transposed.stride[0];
    jw /= g.transposed.stride[1];
    sh += (g.transposed.kernel[0] - 1) * jh;
    sw += (g.transposed.kernel[1] - 1) * jw;
  } else if (g) {
    jh /= g.upsample[0];
    jw /= g.upsample[1];
  }
  r.fh = sh;
  r.fw = sw;
  r.jh = jh;
  r.jw = jw;
}

function checkInline(decl: LayerDecl, input: Shape, diags: CoreDiagnostic[]): void {
  const expected = expectedParameters(decl, input);
  for (const [key, loc] of decl.inlineParameters!.values) {
    const want = own(expected, key);
    const tensor = loc.value as InlineTensor;
    const span: Span = loc.span!;
    if (!want) {
      const keys = Object.keys(expected);
      const message = keys.length ? t('shape.noTensorHas', { type: decl.type, key, keys: keys.join(', ') }) : t('shape.noTensor', { type: decl.type, key });
      diags.push({ severity: 'warning', code: 'parameter-shape', message, span, layerIndex: decl.index });
    } else if (tensor.shape.length !== want.length || tensor.shape.some((x, i) => x !== want[i])) {
      diags.push({ severity: 'error', code: 'parameter-shape', message: t('shape.tensorShape', { key, shape: shapeText(tensor.shape), needed: shapeText(want) }), span, layerIndex: decl.index });
    }
  }
}
