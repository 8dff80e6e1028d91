// AST → Model: desugars layers (`- relu` → {type: relu}), fills defaults, checks each value's type
// and range, and reports unknown keys with a suggestion. No shapes here: see shape/infer.ts.
import { COMMON_KEYS, LAYERS, LAYER_TYPES } from '../layers/registry';
import { isOwnKey, own } from '../text/own';
import type { LayerSpec, ParamSpec } from '../layers/spec';
import { describeNode, type AstMap, type AstNode, type AstPair, type Span } from '../syntax/ast';
import type { CoreDiagnostic } from '../diagnostics/diagnostic';
import { changeTo, clauseThen, didYouMean, sentences, suggest } from '../text/suggest';
import { t } from '../i18n/t';
import { localizedTable } from '../text/localized';
import { paramDoc } from '../layers/docs';
import { readBlockDefinitions, type Definitions } from './blockDefinitions';
import { expandLayers, type InnerLayer, type LayerSource } from './blocks';
import type { InputRef, LayerDecl, Located, Model, ParamValue, Preprocess, Rounding, Shape } from './types';
import { checkInt, checkValue } from './values';

export const TOP_KEYS: Record<string, string> = localizedTable({
  name: 'keys.topName',
  input: 'keys.topInput',
  rounding: 'keys.topRounding',
  labels: 'keys.topLabels',
  weights: 'keys.topWeights',
  preprocess: 'keys.topPreprocess',
  layers: 'keys.topLayers',
  blocks: 'keys.topBlocks',
});
export const ROUNDINGS: readonly Rounding[] = ['strict', 'floor', 'ceil'];
const SHAPE_STRING = /^\s*(\d+)\s*[x×X]\s*(\d+)\s*[x×X]\s*(\d+)\s*$/;

export interface ReadResult {
  model: Model;
  diagnostics: CoreDiagnostic[];
}

/** `unreadable`: the parser could make nothing of a non-empty text (its syntax error says why). */
export function readModel(root: AstNode | null, defaultRounding: Rounding = 'strict', unreadable = false): ReadResult {
  const diags: CoreDiagnostic[] = [];
  const r = new Reader(diags, unreadable);
  const model = r.read(root);
  if (!model.rounding.span) model.rounding = { value: defaultRounding };
  return { model, diagnostics: diags };
}

class Reader implements LayerSource {
  /** Block names, for "did you mean" on an unknown type (empty without `blocks:`). */
  private blockNames: readonly string[] = [];

  constructor(
    private readonly diags: CoreDiagnostic[],
    private readonly unreadable: boolean,
  ) {}

  private err(code: CoreDiagnostic['code'], message: string, span: Span, layerIndex?: number, severity: CoreDiagnostic['severity'] = 'error', extra?: Partial<CoreDiagnostic>): void {
    const d: CoreDiagnostic = { severity, code, message, span: { start: span.start, end: span.end }, ...extra };
    if (layerIndex !== undefined) d.layerIndex = layerIndex;
    this.diags.push(d);
  }

  report(d: CoreDiagnostic): void {
    this.diags.push(d);
  }

  keyed(map: AstMap): readonly AstPair[] {
    return this.pairs(map).list;
  }

  /** Pairs with text keys, duplicates reported (the first occurrence wins). */
  private pairs(map: AstMap, layerIndex?: number): Keyed {
    const all = map.pairs;
    if (isClean(all)) return new Keyed(all); // the common case: no copy
    const list: AstPair[] = [];
    const firsts = new Map<string, AstPair>();
    for (const p of all) {
      const k = p.key.value;
      if (typeof k !== 'string') continue;
      const first = firsts.get(k);
      if (first) {
        this.err('duplicate-key', t('model.givenTwice', { key: k }), p.key, layerIndex, 'error', {
          related: [{ span: first.key, message: t('model.firstKey', { key: k }) }],
        });
        continue;
      }
      firsts.set(k, p);
      list.push(p);
    }
    return new Keyed(list);
  }

  read(root: AstNode | null): Model {
    const model: Model = {
      rounding: { value: 'strict' },
      preprocess: { value: { scale: 1 / 255, mean: [0], std: [1] } },
      layers: [],
      root,
    };
    if (!root || (root.kind === 'scalar' && root.value === null)) {
      // An empty file lacks its keys; one that could not be read at all has its syntax error already.
      if (!this.unreadable) this.err('missing-key', t('model.needsInputAndLayers'), { start: 0, end: 0 });
      return model;
    }
    if (root.kind !== 'map') {
      // A file that is all text (/etc/passwd given as a model) is not quoted back: errors never echo files.
      const message = root.kind === 'scalar' && typeof root.value === 'string' ? t('model.notAMappingText', { count: root.value.length }) : t('model.notAMapping', { found: describeNode(root) });
      this.err('wrong-type', message, root);
      return model;
    }
    const pairs = this.pairs(root);
    for (const p of pairs.list) {
      const k = p.key.value as string;
      if (!isOwnKey(TOP_KEYS, k)) {
        this.err('unknown-key', sentences(t('model.unknownKey', { key: k }), didYouMean(k, Object.keys(TOP_KEYS))), p.key, undefined, 'warning', {
          fix: { kind: 'replace', span: p.key, suggestions: suggest(k, Object.keys(TOP_KEYS)).map((s) => ({ text: s, title: changeTo(s) })) },
        });
      }
    }
    for (const p of root.pairs) if (typeof p.key.value !== 'string') this.err('wrong-type', t('model.keysAreNames'), p.key);

    const name = pairs.get('name');
    if (name?.value) {
      if (name.value.kind === 'scalar' && name.value.value !== null) model.name = { value: String(name.value.value), span: name.value };
      else this.err('wrong-type', t('model.nameNotText', { found: describeNode(name.value) }), name.value);
    }
    const input = pairs.get('input');
    if (!input) this.err('missing-key', t('model.noInput'), root.pairs[0]?.key ?? root);
    else {
      const shape = this.readInput(input);
      if (shape) model.input = { value: shape, span: input.value ?? input.key };
    }
    const rounding = pairs.get('rounding');
    if (rounding) {
      const v = rounding.value;
      if (v?.kind === 'scalar' && typeof v.value === 'string' && (ROUNDINGS as readonly string[]).includes(v.value)) {
        model.rounding = { value: v.value as Rounding, span: v };
      } else {
        const text = v?.kind === 'scalar' ? String(v.value) : '';
        this.err('out-of-range', clauseThen(t('model.roundingValue', { found: describeNode(v) }), didYouMean(text, ROUNDINGS)), v ?? rounding.key, undefined, 'error', {
          fix: { kind: 'replace', span: v ?? rounding.key, suggestions: suggest(text, ROUNDINGS).map((s) => ({ text: s, title: changeTo(s) })) },
        });
      }
    }
    const labels = pairs.get('labels');
    if (labels) {
      const v = labels.value;
      if (v?.kind === 'scalar' && typeof v.value === 'string') model.labels = { value: v.value, span: v };
      else if (v?.kind === 'seq') {
        const out: string[] = [];
        for (const it of v.items) {
          if (it.kind === 'scalar' && (typeof it.value === 'string' || typeof it.value === 'number')) out.push(String(it.value));
          else this.err('wrong-type', t('model.labelNotText', { found: describeNode(it) }), it);
        }
        model.labels = { value: out, span: v };
      } else this.err('wrong-type', t('model.labelsValue', { found: describeNode(v) }), v ?? labels.key);
    }
    const weights = pairs.get('weights');
    if (weights) {
      const v = weights.value;
      if (v?.kind === 'scalar' && typeof v.value === 'string' && v.value.length > 0) model.weights = { value: v.value, span: v };
      else this.err('wrong-type', t('model.weightsValue', { found: describeNode(v) }), v ?? weights.key);
    }
    const pre = pairs.get('preprocess');
    if (pre) {
      const pp = this.readPreprocess(pre);
      if (pp) model.preprocess = { value: pp, span: pre.value ?? pre.key };
    }
    const blocksPair = pairs.get('blocks');
    const blocks = blocksPair ? readBlockDefinitions(blocksPair, this) : undefined;
    if (blocks) this.blockNames = [...blocks.defs.keys()];
    const layers = pairs.get('layers');
    if (!layers) this.err('missing-key', t('model.noLayersKey'), root.pairs[0]?.key ?? root);
    else {
      model.layersKeySpan = layers.key;
      const v = layers.value;
      if (v) model.layersSpan = v;
      if (!v || (v.kind === 'scalar' && v.value === null)) {
        // An error, as the schema's minItems: a model without layers computes nothing and cannot run.
        this.err('empty-model', t('model.noLayers'), layers.key);
      } else if (v.kind !== 'seq') {
        this.err('wrong-type', t('model.layersNotList', { found: describeNode(v) }), v);
      } else {
        if (v.items.length === 0) this.err('empty-model', t('model.noLayers'), v);
        if (blocks) model.blocks = expandLayers(v.items, blocks, this, model.layers);
        else for (let i = 0; i < v.items.length; i++) model.layers.push(this.readLayer(v.items[i]!, i));
      }
    }
    if (blocks && !model.blocks) model.blocks = emptyBlocks(blocks);
    return model;
  }

  private readInput(p: AstPair): Shape | undefined {
    const v = p.value;
    if (v?.kind === 'scalar' && typeof v.value === 'string') {
      const m = SHAPE_STRING.exec(v.value);
      if (!m) {
        this.err('wrong-type', t('model.inputPattern', { text: v.value }), v);
        return undefined;
      }
      const [w, h, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (const [label, x] of [['width', w], ['height', h], ['depth', d]] as const) {
        const r = checkInt(t('model.inputSide', { side: label }), { kind: 'scalar', value: x, start: v.start, end: v.end }, 1);
        if (!r.ok) {
          this.err(r.code, r.message, v);
          return undefined;
        }
      }
      return { width: w, height: h, depth: d };
    }
    if (v?.kind === 'map') {
      const pairs = this.pairs(v);
      const out: Partial<Shape> = {};
      let ok = true;
      for (const q of pairs.list) {
        const k = q.key.value as string;
        if (k !== 'width' && k !== 'height' && k !== 'depth') {
          this.err('unknown-key', sentences(t('model.inputKey', { key: k }), didYouMean(k, ['width', 'height', 'depth'])), q.key, undefined, 'error');
        }
      }
      for (const k of ['width', 'height', 'depth'] as const) {
        const q = pairs.get(k);
        if (!q) {
          this.err('missing-key', t('model.inputMissing', { side: k }), v);
          ok = false;
          continue;
        }
        const r = checkValue(t('model.inputSide', { side: k }), q.value, { kind: 'int', min: 1 });
        if (!r.ok) {
          this.err(r.code, r.message, q.value ?? q.key);
          ok = false;
        } else out[k] = r.value as number;
      }
      return ok ? (out as Shape) : undefined;
    }
    this.err('wrong-type', t('model.inputValue', { found: describeNode(v) }), v ?? p.key);
    return undefined;
  }

  private readPreprocess(p: AstPair): Preprocess | undefined {
    const v = p.value;
    if (v?.kind !== 'map') {
      this.err('wrong-type', t('model.preprocessValue', { found: describeNode(v) }), v ?? p.key);
      return undefined;
    }
    const out: Preprocess = { scale: 1 / 255, mean: [0], std: [1] };
    const pairs = this.pairs(v);
    for (const q of pairs.list) {
      const k = q.key.value as string;
      if (k === 'scale') {
        const r = checkValue('scale', q.value, { kind: 'number' });
        if (r.ok) out.scale = r.value as number;
        else this.err(r.code, r.message, r.node);
      } else if (k === 'mean' || k === 'std') {
        const list = this.numberList(k, q.value, k === 'std');
        if (list) out[k] = list;
      } else {
        this.err('unknown-key', sentences(t('model.preprocessKey', { key: k }), didYouMean(k, ['scale', 'mean', 'std'])), q.key, undefined, 'error');
      }
    }
    return out;
  }

  private numberList(name: string, node: AstNode | null, positive: boolean): number[] | undefined {
    const items = node?.kind === 'seq' ? node.items : node ? [node] : [];
    if (!node || items.length === 0) {
      this.err('wrong-type', t('model.numberPerChannel', { name }), node ?? { start: 0, end: 0 });
      return undefined;
    }
    const out: number[] = [];
    for (const it of items) {
      const r = checkValue(name, it, positive ? { kind: 'number', min: 0, minExclusive: true } : { kind: 'number' });
      if (!r.ok) {
        this.err(r.code, r.message, r.node);
        return undefined;
      }
      out.push(r.value as number);
    }
    return out;
  }

  /** `inner`: a layer of a file with blocks (its name, and inside a block its copy, `$name` values and references). */
  readLayer(node: AstNode, index: number, inner?: InnerLayer): LayerDecl {
    const base: LayerDecl = { index, type: '', typeSpan: node, span: node, id: inner ? inner.prefix + String(inner.local) : String(index), params: new Map(), values: {}, usable: false };
    if (inner?.block) base.block = inner.block;
    if (node.kind === 'scalar') {
      if (typeof node.value !== 'string') {
        this.err('wrong-type', t('model.layerValue', { found: describeNode(node) }), node, index);
        return base;
      }
      base.type = node.value;
      if (!this.checkType(node.value, node, index)) return base;
      const spec = LAYERS.get(node.value)!;
      const missing = requiredOf(spec);
      if (missing.length) {
        const example = `{type: ${node.value}, ${missing.map((m) => `${m}: …`).join(', ')}}`;
        this.err('missing-parameter', t('model.typeNeeds', { type: node.value, params: andList(missing), example }), node, index);
        return base;
      }
      if (spec.arity === 'many') {
        this.err('input-count', t('model.manyInputsNeedMapping', { type: node.value }), node, index);
        return base;
      }
      base.values = completeValues(spec, base.params);
      base.usable = true;
      return base;
    }
    if (node.kind !== 'map') {
      this.err('wrong-type', t('model.layerValue', { found: describeNode(node) }), node, index);
      return base;
    }
    base.node = node;
    const pairs = this.pairs(node, index);
    const typePair = pairs.get('type');
    if (!typePair) {
      this.err('missing-parameter', t('model.noType', { types: LAYER_TYPES.slice(0, 4).join(', ') }), node.pairs[0]?.key ?? node, index);
      this.readNameAndInputs(base, pairs, inner);
      return base;
    }
    const tv = typePair.value;
    base.typeSpan = tv ?? typePair.key;
    if (tv?.kind !== 'scalar' || typeof tv.value !== 'string') {
      this.err('wrong-type', t('model.typeValue', { found: describeNode(tv) }), tv ?? typePair.key, index);
      this.readNameAndInputs(base, pairs, inner);
      return base;
    }
    base.type = tv.value;
    this.readNameAndInputs(base, pairs, inner);
    if (!this.checkType(tv.value, tv, index)) return base;
    const spec = LAYERS.get(tv.value)!;
    let usable = true;
    // Names offered for misspelt keys: a required parameter among them is not reported missing too.
    const offered = new Set<string>();
    for (const p of pairs.list) {
      const k = p.key.value as string;
      if (isOwnKey(COMMON_KEYS, k)) continue;
      if (k === 'rounding' && spec.rounding) {
        this.readLayerRounding(base, p);
        continue;
      }
      const ps: ParamSpec | undefined = own(spec.params, k);
      if (!ps) {
        const known = [...Object.keys(spec.params), ...Object.keys(COMMON_KEYS), ...(spec.rounding ? ['rounding'] : [])];
        const s = suggest(k, known);
        for (const x of s) offered.add(x);
        const why = k === 'rounding' ? t('model.roundingBelongs', { types: WINDOW_TYPES().join(', ') }) : '';
        const takes = s.length || why ? '' : Object.keys(spec.params).length ? t('model.takesParameters', { params: Object.keys(spec.params).join(', ') }) : t('model.takesNoParameters');
        this.err('unknown-parameter', sentences(t('model.noParameter', { type: spec.type, key: k }), why, didYouMean(k, known), takes), p.key, index, 'error', {
          fix: { kind: 'replace', span: p.key, suggestions: s.map((x) => ({ text: x, title: changeTo(x) })) },
        });
        continue;
      }
      const sub = inner?.subst && p.value ? inner.subst(p.value) : undefined;
      if (sub === null) {
        // A `$name` the block does not declare: reported once, in the definition.
        if (ps.required) usable = false;
        continue;
      }
      const r = checkValue(k, sub ? sub.node : p.value, ps);
      if (!r.ok) {
        // A substituted value is reported at its `$name`, with the value's own place as related information.
        const extra = sub?.from ? { related: [{ span: sub.from, message: t('model.valueForUse', { key: k, use: base.block?.use ?? t('model.thisUse') }) }] } : undefined;
        this.err(r.code, r.message, p.value ?? p.key, index, 'error', extra);
        if (ps.required) usable = false;
        continue;
      }
      let value = r.value;
      // Reference-valued parameters (a layer name) are renamed like \`inputs\` inside a block.
      if (inner?.rename && isReference(ps) && typeof value === 'string') value = inner.rename(value, p.value!).name;
      base.params.set(k, { value, span: p.value! });
    }
    for (const k of requiredOf(spec)) {
      const ps = spec.params[k]!;
      if (!pairs.has(k)) {
        // One typo, one error: `kernal` is reported as unknown, with the fix to `kernel`.
        if (!offered.has(k)) this.err('missing-parameter', t('model.needsParameter', { type: spec.type, key: k, doc: paramDoc(spec.type, k) ?? ps.doc }), tv, index);
        usable = false;
      }
    }
    const params = pairs.get('parameters');
    if (params) this.readInlineParameters(base, params);
    base.values = completeValues(spec, base.params);
    base.usable = usable;
    return base;
  }

  /** A window layer's own `rounding:` (v2), overriding the file's for that layer. */
  private readLayerRounding(decl: LayerDecl, p: AstPair): void {
    const v = p.value;
    if (v?.kind === 'scalar' && typeof v.value === 'string' && (ROUNDINGS as readonly string[]).includes(v.value)) {
      decl.rounding = { value: v.value as Rounding, span: v };
      return;
    }
    const text = v?.kind === 'scalar' ? String(v.value) : '';
    this.err('out-of-range', clauseThen(t('model.roundingValue', { found: describeNode(v) }), didYouMean(text, ROUNDINGS)), v ?? p.key, decl.index, 'error', {
      fix: { kind: 'replace', span: v ?? p.key, suggestions: suggest(text, ROUNDINGS).map((x) => ({ text: x, title: changeTo(x) })) },
    });
  }

  private checkType(name: string, span: Span, index: number): boolean {
    if (LAYERS.has(name)) return true;
    const types = this.blockNames.length ? [...LAYER_TYPES, ...this.blockNames] : LAYER_TYPES;
    const s = suggest(name, types);
    this.err('unknown-layer-type', sentences(t('model.unknownLayerType', { type: name }), didYouMean(name, types), s.length ? '' : t('model.typesAre', { types: types.join(', ') })), span, index, 'error', {
      fix: { kind: 'replace', span, suggestions: s.map((x) => ({ text: x, title: changeTo(x) })) },
    });
    return false;
  }

  private readNameAndInputs(decl: LayerDecl, pairs: Keyed, inner?: InnerLayer): void {
    const name = pairs.get('name');
    if (name) {
      const v = name.value;
      if (v?.kind === 'scalar' && typeof v.value === 'string' && v.value.trim() !== '') {
        decl.name = { value: v.value, span: v };
        decl.id = inner ? inner.prefix + v.value : v.value;
      } else this.err('wrong-type', t('model.nameNotText', { found: describeNode(v) }), v ?? name.key, decl.index);
    }
    const inputs = pairs.get('inputs');
    if (inputs) {
      const v = inputs.value;
      const items = v?.kind === 'seq' ? v.items : v ? [v] : [];
      const refs: InputRef[] = [];
      for (const it of items) {
        if (it.kind === 'scalar' && (typeof it.value === 'string' || typeof it.value === 'number')) refs.push(inner?.rename ? inner.rename(String(it.value), it) : { name: String(it.value), span: it });
        else this.err('wrong-type', t('model.inputNotName', { found: describeNode(it) }), it, decl.index);
      }
      if (items.length === 0) this.err('input-count', t('model.inputsEmpty'), v ?? inputs.key, decl.index);
      if (refs.length) {
        decl.inputs = refs;
        decl.inputsSpan = v ?? inputs.key;
      }
    }
  }

  private readInlineParameters(decl: LayerDecl, p: AstPair): void {
    const v = p.value;
    if (v?.kind !== 'map') {
      this.err('wrong-type', t('model.parametersValue', { found: describeNode(v) }), v ?? p.key, decl.index);
      return;
    }
    const values = new Map<string, Located<unknown>>();
    for (const q of v.pairs) {
      if (typeof q.key.value !== 'string' || !q.value) continue;
      const tensor = toTensor(q.value);
      if (typeof tensor === 'string') this.err('wrong-type', t('model.parameterTensor', { key: q.key.value, problem: tensor }), q.value, decl.index);
      else values.set(q.key.value, { value: tensor, span: q.value });
    }
    decl.inlineParameters = { node: v, values };
  }
}

/** A mapping's pairs by key, looked up by a scan: layers have a handful of keys, and a Map per layer costs more. */
/** Up to this many keys a mapping is searched pair by pair (no Set or Map to build): every real one. */
const SMALL_MAPPING = 16;

/** Text keys only, none twice: quadratic for a small mapping, a Set for a large one (50,000 keys). */
function isClean(all: readonly AstPair[]): boolean {
  if (all.length <= SMALL_MAPPING) {
    for (let i = 0; i < all.length; i++) {
      const k = all[i]!.key.value;
      if (typeof k !== 'string') return false;
      for (let j = 0; j < i; j++) if (all[j]!.key.value === k) return false;
    }
    return true;
  }
  const seen = new Set<string>();
  for (const p of all) {
    const k = p.key.value;
    if (typeof k !== 'string' || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

class Keyed {
  /** Built on the first lookup in a large mapping. */
  private index: Map<string, AstPair> | undefined;

  constructor(readonly list: readonly AstPair[]) {}

  get(key: string): AstPair | undefined {
    if (this.list.length <= SMALL_MAPPING) {
      for (const p of this.list) if (p.key.value === key) return p;
      return undefined;
    }
    if (!this.index) {
      this.index = new Map();
      for (const p of this.list) if (!this.index.has(p.key.value as string)) this.index.set(p.key.value as string, p);
    }
    return this.index.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/** A parameter whose value names a layer (crop's `like`): the `ref` kind, where the registry has it. */
function isReference(ps: ParamSpec): boolean {
  return (ps as { kind: string }).kind === 'ref';
}

/** The blocks of a file whose `layers` could not be read: definitions only. */
function emptyBlocks(b: Definitions): NonNullable<Model['blocks']> {
  return { definitions: b.defs, uses: [], aliases: new Map(), copiesOf: new Map([...b.defs.values()].map((d) => [d.name, d.layers.map(() => [])])) };
}

/** `a and b and c` in the current language. */
function andList(items: readonly string[]): string {
  return items.slice(1).reduce((a, b) => t('common.and', { a, b }), items[0] ?? '');
}

/** The layer types that take a per-layer `rounding:`, for messages. */
const WINDOW_TYPES = (): string[] => LAYER_TYPES.filter((t) => LAYERS.get(t)!.rounding === true);

const required = new Map<string, string[]>();
/** A layer type's required parameters, computed once per type. */
function requiredOf(spec: LayerSpec): string[] {
  let r = required.get(spec.type);
  if (!r) {
    r = Object.entries(spec.params).filter(([, s]) => s.required).map(([k]) => k);
    required.set(spec.type, r);
  }
  return r;
}

/** The written values plus every default, filled once here so that no consumer re-states one. */
function completeValues(spec: LayerSpec, written: ReadonlyMap<string, Located<ParamValue>>): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const [k, v] of written) values[k] = v.value;
  const entries = Object.entries(spec.params);
  for (const [k, ps] of entries) {
    if (k in values || ps.default === undefined) continue;
    const d = ps.default;
    // Pair-valued defaults are written as one integer in the spec table.
    values[k] = typeof d === 'number' && (ps.kind === 'pair' || ps.kind === 'padding') ? [d, d] : d;
  }
  for (const [k, ps] of entries) {
    const from = ps.defaultFrom;
    if (from !== undefined && !(k in values) && from in values) values[k] = values[from]!;
  }
  return values;
}

export interface InlineTensor {
  shape: number[];
  data: number[];
}

/** A nested list of numbers → shape and flat values (row-major), or an error message. */
export function toTensor(node: AstNode): InlineTensor | string {
  const shape: number[] = [];
  let n: AstNode = node;
  while (n.kind === 'seq') {
    shape.push(n.items.length);
    if (n.items.length === 0) break;
    n = n.items[0]!;
  }
  const data: number[] = [];
  let error: string | undefined;
  const walk = (x: AstNode, depth: number): void => {
    if (error) return;
    if (depth === shape.length) {
      if (x.kind !== 'scalar' || typeof x.value !== 'number' || !Number.isFinite(x.value)) error = t('model.tensorNotNumber', { found: describeNode(x) });
      else data.push(x.value);
      return;
    }
    if (x.kind !== 'seq' || x.items.length !== shape[depth]) {
      error = t('model.tensorRagged', { count: shape[depth]!, depth: depth + 1 });
      return;
    }
    for (const it of x.items) walk(it, depth + 1);
  };
  walk(node, 0);
  return error ?? { shape, data };
}

export type { ParamValue };
