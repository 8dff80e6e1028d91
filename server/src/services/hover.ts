// Hover: on a layer, its shapes with the arithmetic in the file's own numbers, parameters, MACs and
// receptive field; on a parameter or key name, what it means and its default; on a name in `inputs`,
// that layer's output shape (nameHover.ts, with block names and parameters); on a top-level key,
// what it is for. A layer inside a block definition
// runs once per copy of each use: its hover lists every copy's shapes (a block use lists its copies').
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { DEFINITION_KEYS, LAYERS, USE_KEYS, commonKeyDoc, layerRoundingDoc, paramDoc } from '../../../core/src/index';
import type { ParamSpec } from '../../../core/src/index';
import { TOP_KEYS } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';
import { grouped, own, roundedLabel, t, type MessageId } from '../../../core/src/index';
import type { Span } from '../../../core/src/index';
import { denseComparison, explainLink } from './denseComparison';
import { pairAt } from './locate';
import { nameHover } from './nameHover';
import { code, plainText } from './markdown';
import { toRange } from './ranges';
import { resultsOf, runsOf, type Run } from './results';
import { fileNames, itemAt, type ItemRef } from './scopes';
import { inputsLabel, pairLabel, resultLabel, shapeLabel } from './shapes';

const BR = '  \n';

/** At most this many copies are listed one a line; the rest are counted. */
const LISTED_COPIES = 12;

export function hover(analysis: Analysis, doc: TextDocument, offset: number): Hover | null {
  const named = nameHover(analysis, doc, offset);
  if (named) return named;
  const at = itemAt(fileNames(analysis), offset);
  if (at) {
    const results = resultsOf(analysis, at.scope, at.item);
    const isUse = at.item.type !== undefined && fileNames(analysis).blocks.has(at.item.type.name);
    if (results.length === 1 && !isUse) return layerPartHover(analysis, doc, results[0]!, offset);
    return copiesHover(doc, at, runsOf(analysis, at.scope, at.item), offset);
  }
  const def = definitionKeyHover(analysis, doc, offset);
  if (def) return def;
  const root = analysis.model.root;
  const hit = root?.kind === 'map' ? pairAt(root, offset) : undefined;
  if (!hit || typeof hit.pair.key.value !== 'string') return null;
  const key = hit.pair.key.value;
  const topDoc = own(TOP_KEYS, key);
  if (hit.on === 'key' && topDoc !== undefined) return markdown(`**${key}**${BR}${topDoc}`, doc, hit.pair.key);
  if (hit.on === 'value' && key === 'input' && analysis.model.input) {
    return markdown(t('hover.networkInput', { shape: code(shapeLabel(analysis.model.input.value)) }), doc, hit.pair.value!);
  }
  return null;
}

function layerPartHover(analysis: Analysis, doc: TextDocument, layer: LayerResult, offset: number): Hover | null {
  const decl = layer.decl;
  const hit = pairAt(decl.node, offset);
  if (hit?.on === 'key' && typeof hit.pair.key.value === 'string') {
    const key = hit.pair.key.value;
    const spec = LAYERS.get(decl.type);
    const param = spec ? own(spec.params, key) : undefined;
    if (param) return markdown(paramText(decl.type, key, param, hit.pair.value ? doc.getText(toRange(doc, hit.pair.value)) : undefined), doc, hit.pair.key);
    const common = commonKeyDoc(key);
    if (common !== undefined) return markdown(`**${key}**${BR}${common}`, doc, hit.pair.key);
    if (key === 'rounding' && LAYERS.get(decl.type)?.rounding) return markdown(`${keyTitle('rounding')}${BR}${layerRoundingDoc()}`, doc, hit.pair.key);
  }
  const onType = offset >= decl.typeSpan.start && offset <= decl.typeSpan.end;
  // The explain view's extras (denseComparison.ts): dense vs conv weights, and the link to the view.
  const extras = [denseComparison(analysis, layer), explainLink(doc.uri, layer)].filter((x) => x !== undefined);
  return markdown([layerText(analysis, layer, offset), ...extras].join(BR), doc, onType ? decl.typeSpan : undefined);
}

/** "**conv** `c1` `32×32×3 → 11×11×8`", the arithmetic per axis, then the counts. */
function layerText(analysis: Analysis, r: LayerResult, offset: number): string {
  const d = r.decl;
  const known = r.estimated ? null : r.output;
  const out = known && r.rounded ? roundedLabel(shapeLabel(known), r.rounded) : shapeLabel(known);
  const title = `**${plainText(d.type || '?')}**${d.name ? ` ${code(d.name.value)}` : ''} ${code(`${inputsLabel(r, analysis.model.input?.value)} → ${out}`)}`;
  const lines = [title, ...errorLines(analysis, r, offset), ...arithmeticLines(r.arithmetic)];
  if (known) {
    const counts = { params: grouped(r.params), macs: grouped(r.macs) };
    lines.push(r.field ? t('hover.statsField', { ...counts, field: pairLabel(r.field.size, false), jump: pairLabel(r.field.jump, true) }) : t('hover.stats', counts));
  } else {
    lines.push(t(d.usable ? 'hover.unknownHereOrAbove' : 'hover.unknownHere'));
    // The guess that keeps checking going (and counts in the totals), said as such.
    if (r.output) lines.push(t('hover.estimated', { shape: code(shapeLabel(r.output)) }));
  }
  return lines.join(BR);
}

/**
 * The layer's first error, said in its hover too: the squiggle may sit on one value (`stride: 3`) while
 * the learner hovers the type, and the rounded header alone reads like a result. Not over the squiggle
 * itself, where the editor already shows the diagnostic above the hover.
 */
function errorLines(analysis: Analysis, r: LayerResult, offset: number): string[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && d.layerIndex === r.decl.index);
  if (errors.some((d) => d.span.start <= offset && offset <= d.span.end)) return [];
  const first = errors[0];
  if (!first) return [];
  return [t(first.fix ? 'hover.layerErrorFix' : 'hover.layerError', { message: plainText(first.message) })];
}

// The core's arithmetic lines start with the axis, in English or in the catalogue's Chinese.
const WIDTH_LINE = /^(?:width|宽度?)\s*[:：]\s*/;
const HEIGHT_LINE = /^(?:height|高度?)\s*[:：]\s*/;

/** Width and height lines that say the same thing are written once. */
function arithmeticLines(lines: string[]): string[] {
  const w = lines.find((l) => WIDTH_LINE.test(l));
  const h = lines.find((l) => HEIGHT_LINE.test(l));
  const rest = (l: string, head: RegExp) => l.replace(head, '');
  if (w && h && rest(w, WIDTH_LINE) === rest(h, HEIGHT_LINE)) {
    return lines.filter((l) => l !== h).map((l) => (l === w ? t('hover.widthHeight', { arithmetic: rest(w, WIDTH_LINE) }) : l));
  }
  return lines;
}

/** Parameter names with a word in the tutorials (the Chinese hover gives it, the key in parentheses). */
const TERMS: Readonly<Record<string, MessageId>> = {
  stride: 'hover.termStride',
  kernel: 'hover.termKernel',
  padding: 'hover.termPadding',
  filters: 'hover.termFilters',
  units: 'hover.termUnits',
  dilation: 'hover.termDilation',
  groups: 'hover.termGroups',
  rounding: 'hover.termRounding',
};

/** `**stride**`, or in Chinese `**步幅 (stride)**`. */
function keyTitle(key: string): string {
  const id = own(TERMS, key);
  return `**${plainText(id ? t(id) : key)}**`;
}

function paramText(type: string, key: string, p: ParamSpec, written: string | undefined): string {
  const facts: string[] = [];
  if (p.required) facts.push(t('hover.required'));
  else if (p.default !== undefined) facts.push(t('hover.defaultValue', { value: code(String(p.default)) }));
  if (written !== undefined && written.trim() !== '') facts.push(t('hover.writtenHere', { value: code(written.trim()) }));
  const id = own(TERMS, key);
  const title = t('hover.paramTitle', { term: plainText(id ? t(id) : key), type: plainText(type) });
  return `${title}${BR}${paramDoc(type, key) ?? p.doc}${facts.length ? `${BR}${facts.join(' · ')}` : ''}`;
}

/**
 * A layer written once that runs several times (inside a block), or a block use: each copy's
 * `input → output` on its own line, under its full name.
 */
function copiesHover(doc: TextDocument, at: ItemRef, runs: Run[], offset: number): Hover | null {
  const { item, scope } = at;
  const node = item.node.kind === 'map' ? item.node : undefined;
  const hit = pairAt(node, offset);
  const type = item.type?.name ?? '';
  if (hit?.on === 'key' && typeof hit.pair.key.value === 'string') {
    const key = hit.pair.key.value;
    const spec = LAYERS.get(type);
    const param = spec ? own(spec.params, key) : undefined;
    if (param) return markdown(paramText(type, key, param, hit.pair.value ? doc.getText(toRange(doc, hit.pair.value)) : undefined), doc, hit.pair.key);
    const common = commonKeyDoc(key);
    if (common !== undefined) return markdown(`**${key}**${BR}${common}`, doc, hit.pair.key);
    if (key === 'rounding' && LAYERS.get(type)?.rounding) return markdown(`${keyTitle('rounding')}${BR}${layerRoundingDoc()}`, doc, hit.pair.key);
    const useDoc = own(USE_KEYS, key);
    if (useDoc !== undefined) return markdown(`**${key}**${BR}${useDoc}`, doc, hit.pair.key);
  }
  const head = `**${plainText(type || '?')}**${item.name ? ` ${code(item.name.name)}` : ''}`;
  const title = scope.block === undefined ? head : t('hover.inBlock', { title: head, block: code(scope.block) });
  const lines = [title];
  if (runs.length === 0) lines.push(t(scope.block === undefined ? 'hover.unknownHere' : 'hover.noShapesYet'));
  for (const r of runs.slice(0, LISTED_COPIES)) lines.push(`${code(r.name)}: ${code(`${r.inputs()} → ${resultLabel(r)}`)}`);
  if (runs.length > LISTED_COPIES) lines.push(t('hover.more', { count: runs.length - LISTED_COPIES }));
  const params = new Set(runs.filter((r) => r.output && !r.estimated).map((r) => r.params));
  if (runs.length > 1 && params.size === 1) lines.push(t(scope.block === undefined ? 'hover.eachCopies' : 'hover.eachUses', { params: grouped([...params][0]!), count: runs.length }));
  const typeSpan = item.type?.span;
  const onType = typeSpan && offset >= typeSpan.start && offset <= typeSpan.end;
  return markdown(lines.join(BR), doc, onType ? typeSpan : undefined);
}

/** A key of a block definition: what `params`, `layers`, `inputs` and `output` are for. */
function definitionKeyHover(analysis: Analysis, doc: TextDocument, offset: number): Hover | null {
  for (const b of fileNames(analysis).blocks.values()) {
    if (offset < b.node.start || offset > b.node.end) continue;
    const hit = pairAt(b.node, offset);
    const key = hit?.on === 'key' ? hit.pair.key.value : undefined;
    const keyDoc = typeof key === 'string' ? own(DEFINITION_KEYS, key) : undefined;
    return keyDoc !== undefined ? markdown(`${t('hover.definitionKey', { key: plainText(key as string) })}${BR}${keyDoc}`, doc, hit!.pair.key) : null;
  }
  return null;
}

function markdown(value: string, doc: TextDocument, span: Span | undefined): Hover {
  const h: Hover = { contents: { kind: MarkupKind.Markdown, value } };
  if (span) h.range = toRange(doc, span);
  return h;
}
