// The answer to `cnnShape/explain`: one convolution or pooling layer in its own numbers, for the view
// that draws it as the tutorials do (client/src/explain/). Everything the view shows is computed here:
// per axis the padding, the window span, the exact (W − F + 2P)/S + 1, the size used, the pixels no
// window reads and the window that hangs over the edge; depth and weights; the receptive field before
// and after the layer; and the size fixes the quick fixes offer, each with the layer as it would be
// after it (the fixed text analysed again, so the view can redraw a fix without touching the file).
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, axisArithmetic, axisOutput, formatNumber, t, type Analysis, type LayerResult, type Pair, type Padding, type Rounding } from '../../../core/src/index';
import type { ExplainAxis, ExplainedLayer, ExplainFix, ExplainResult } from '../lsp/customRequests';
import { codeActions } from './codeActions';
import { toRange } from './ranges';

export const EXPLAINED_TYPES = ['conv', 'maxpool', 'avgpool'] as const;
type Explained = (typeof EXPLAINED_TYPES)[number];

/** Which layer: the one under an offset, or by index. */
export type LayerChoice = { offset: number } | { layerIndex: number };

export function explainLayer(analysis: Analysis, doc: TextDocument, choice: LayerChoice): ExplainResult {
  const index = 'offset' in choice ? layerAt(analysis, choice.offset) : choice.layerIndex;
  const r = index === undefined ? undefined : analysis.layers[index];
  const base = { uri: doc.uri, version: doc.version, fixes: [] as ExplainFix[] };
  if (!r) return { ...base, layerIndex: null, layerRange: null, layer: null, reason: t('explain.noLayer') };
  const layerRange = toRange(doc, r.decl.typeSpan);
  const layer = explained(analysis, r);
  if (typeof layer === 'string') return { ...base, layerIndex: r.decl.index, layerRange, layer: null, reason: layer };
  return { ...base, layerIndex: r.decl.index, layerRange, layer, fixes: fixesOf(analysis, doc, r, layer) };
}

/** Whether a layer's type is one the view draws. */
export function isExplained(type: string): type is Explained {
  return (EXPLAINED_TYPES as readonly string[]).includes(type);
}

/** The innermost layer item holding `offset` (inside a block definition: its first copy). */
function layerAt(analysis: Analysis, offset: number): number | undefined {
  let best: LayerResult | undefined;
  for (const r of analysis.layers) {
    const s = r.decl.span;
    if (offset < s.start || offset > s.end) continue;
    if (!best || s.end - s.start < best.decl.span.end - best.decl.span.start) best = r;
  }
  return best?.decl.index;
}

/** The layer's numbers, or why there are none (a message for the user). */
function explained(analysis: Analysis, r: LayerResult): ExplainedLayer | string {
  const d = r.decl;
  if (!isExplained(d.type)) return t('explain.notWindow', { type: d.type || '?' });
  const input = r.inputShapes[0];
  if (!d.usable || !input || !r.output || r.estimated) return t('explain.unknownShape');
  const v = d.values;
  const kernel = v['kernel'] as Pair;
  const stride = v['stride'] as Pair;
  const dilation = (v['dilation'] as Pair | undefined) ?? [1, 1];
  const padding = v['padding'] as Padding;
  const rounding: Rounding = d.rounding?.value ?? analysis.model.rounding.value;
  const pooling = d.type !== 'conv';
  const axisOf = (i: 0 | 1, n: number) => windowAxis(n, kernel[i], stride[i], padding === 'same' ? 'same' : padding === 'valid' ? 0 : padding[i], dilation[i], rounding, pooling);
  const conv = d.type === 'conv';
  const filters = conv ? (v['filters'] as number) : null;
  const groups = conv ? (v['groups'] as number) : 1;
  const perFilter = Math.floor(input.depth / groups) * kernel[0] * kernel[1];
  const biases = conv && v['bias'] !== false ? filters! : 0;
  const problem = analysis.diagnostics.find((x) => x.layerIndex === d.index && x.code === 'non-integer-output');
  return {
    index: d.index,
    type: d.type,
    label: d.name ? t('explain.layerNamed', { name: d.id, type: d.type }) : t('explain.layerUnnamed', { n: d.index + 1, count: analysis.layers.length, type: d.type }),
    input,
    output: r.output,
    axes: { height: axisOf(0, input.height), width: axisOf(1, input.width) },
    rounding,
    paddingSame: padding === 'same',
    filters,
    groups,
    weights: conv ? { perFilter, total: filters! * perFilter + biases, biases } : null,
    fieldBefore: fieldBefore(analysis, r),
    field: r.field ? { size: r.field.size, jump: r.field.jump } : null,
    problem: problem?.message ?? null,
  };
}

/** One axis: padding (TensorFlow's split for `same`), the sizes, and where the windows stop. */
export function windowAxis(n: number, k: number, s: number, p: number | 'same', d: number, rounding: Rounding, pooling: boolean): ExplainAxis {
  const span = d * (k - 1) + 1;
  const result = axisOutput({ n, k, s, p, d, pooling }, rounding);
  const arithmetic = axisArithmetic({ n, k, s, p, d }, result, rounding);
  let padBefore: number;
  let padAfter: number;
  if (p === 'same') {
    const total = Math.max((result.size - 1) * s + span - n, 0);
    padBefore = Math.floor(total / 2);
    padAfter = total - padBefore;
  } else padBefore = padAfter = p;
  const padded = n + padBefore + padAfter;
  const out = result.size;
  const lastEnd = out >= 1 ? (out - 1) * s + span : 0;
  let overhang: ExplainAxis['overhang'] = null;
  if (out >= 1 && lastEnd > padded) overhang = { start: (out - 1) * s, beyond: lastEnd - padded };
  else if (!result.integer && out >= 0) overhang = { start: out * s, beyond: out * s + span - padded };
  return {
    input: n, kernel: k, dilation: d, span, stride: s, padBefore, padAfter,
    exact: result.exact, exactText: formatNumber(result.exact), whole: result.integer, output: out, arithmetic,
    uncovered: Math.max(padded - lastEnd, 0),
    overhang,
  };
}

/** The receptive field of this layer's input on the network input: its source's (the network input: 1 pixel). */
function fieldBefore(analysis: Analysis, r: LayerResult): ExplainedLayer['fieldBefore'] {
  const s = r.sources[0];
  if (s === undefined || s < 0) return { size: [1, 1], jump: [1, 1] };
  const f = analysis.layers[s]?.field;
  return f ? { size: f.size, jump: f.jump } : null;
}

/** The quick fixes for this layer's size (as textDocument/codeAction offers them), each tried on a copy of the text. */
function fixesOf(analysis: Analysis, doc: TextDocument, r: LayerResult, before: ExplainedLayer): ExplainFix[] {
  const range: Range = toRange(doc, r.decl.span);
  const out: ExplainFix[] = [];
  for (const action of codeActions(analysis, doc, range)) {
    if (!action.diagnostics?.some((x) => x.code === 'non-integer-output' && overlaps(doc, x.range, r))) continue;
    const edits = action.edit?.changes?.[doc.uri];
    if (!action.edit || !edits?.length) continue;
    const text = TextDocument.applyEdits(doc, edits);
    const fixed = analyze({ text, kind: analysis.kind, defaultRounding: analysis.model.rounding.value });
    const fr = fixed.layers[r.decl.index];
    const after = fr && fr.decl.type === r.decl.type ? explained(fixed, fr) : null;
    const layer = after && typeof after !== 'string' ? after : null;
    out.push({ title: action.title, changes: whatChanged(analysis, fixed, r.decl.index, before, layer), edit: action.edit, after: layer });
  }
  return out;
}

function overlaps(doc: TextDocument, range: Range, r: LayerResult): boolean {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  return from <= r.decl.span.end && to >= r.decl.span.start;
}

/** What a fix changed: the network input, or the first of this layer's keys that differs. */
function whatChanged(a: Analysis, fixed: Analysis, index: number, before: ExplainedLayer, after: ExplainedLayer | null): string {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(a.model.input?.value, fixed.model.input?.value)) return 'input';
  const b = a.layers[index]!.decl.values;
  const f = fixed.layers[index]?.decl.values ?? {};
  for (const key of ['padding', 'stride', 'kernel', 'dilation']) if (!same(b[key], f[key])) return key;
  if (after && after.rounding !== before.rounding) return 'rounding';
  return 'other';
}
