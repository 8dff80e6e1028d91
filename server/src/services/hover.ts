// Hover: on a layer, its shapes with the arithmetic in the file's own numbers, parameters, MACs and
// receptive field; on a parameter or key name, what it means and its default; on a name in `inputs`,
// that layer's output shape; on a top-level key, what it is for.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import { COMMON_KEYS, LAYER_ROUNDING_DOC, LAYERS } from '../../../core/src/index';
import type { ParamSpec } from '../../../core/src/index';
import { TOP_KEYS } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';
import { grouped, own } from '../../../core/src/index';
import type { Span } from '../../../core/src/index';
import { layerAt, pairAt } from './locate';
import { code, plainText } from './markdown';
import { toRange } from './ranges';
import { inputsLabel, pairLabel, resultLabel, shapeLabel } from './shapes';

const BR = '  \n';

export function hover(analysis: Analysis, doc: TextDocument, offset: number): Hover | null {
  const layer = layerAt(analysis, offset);
  if (layer) return layerPartHover(analysis, doc, layer, offset);
  const root = analysis.model.root;
  const hit = root?.kind === 'map' ? pairAt(root, offset) : undefined;
  if (!hit || typeof hit.pair.key.value !== 'string') return null;
  const key = hit.pair.key.value;
  const topDoc = own(TOP_KEYS, key);
  if (hit.on === 'key' && topDoc !== undefined) return markdown(`**${key}**${BR}${topDoc}`, doc, hit.pair.key);
  if (hit.on === 'value' && key === 'input' && analysis.model.input) {
    return markdown(`network input ${code(shapeLabel(analysis.model.input.value))} (width × height × depth)`, doc, hit.pair.value!);
  }
  return null;
}

function layerPartHover(analysis: Analysis, doc: TextDocument, layer: LayerResult, offset: number): Hover | null {
  const decl = layer.decl;
  const ref = decl.inputs?.find((r) => offset >= r.span.start && offset <= r.span.end);
  if (ref) return inputRefHover(analysis, doc, layer, ref.name, ref.span);
  const hit = pairAt(decl.node, offset);
  if (hit?.on === 'key' && typeof hit.pair.key.value === 'string') {
    const key = hit.pair.key.value;
    const spec = LAYERS.get(decl.type);
    const param = spec ? own(spec.params, key) : undefined;
    if (param) return markdown(paramText(decl.type, key, param, hit.pair.value ? doc.getText(toRange(doc, hit.pair.value)) : undefined), doc, hit.pair.key);
    const common = own(COMMON_KEYS, key);
    if (common !== undefined) return markdown(`**${key}**${BR}${common}`, doc, hit.pair.key);
    if (key === 'rounding' && LAYERS.get(decl.type)?.rounding) return markdown(`**rounding**${BR}${LAYER_ROUNDING_DOC}`, doc, hit.pair.key);
  }
  const onType = offset >= decl.typeSpan.start && offset <= decl.typeSpan.end;
  return markdown(layerText(analysis, layer), doc, onType ? decl.typeSpan : undefined);
}

/** "**conv** `c1` `32×32×3 → 11×11×8`", the arithmetic per axis, then the counts. */
function layerText(analysis: Analysis, r: LayerResult): string {
  const d = r.decl;
  const known = r.estimated ? null : r.output;
  const title = `**${plainText(d.type || '?')}**${d.name ? ` ${code(d.name.value)}` : ''} ${code(`${inputsLabel(r, analysis.model.input?.value)} → ${shapeLabel(known)}`)}`;
  const lines = [title, ...arithmeticLines(r.arithmetic)];
  if (known) {
    const stats = [`params ${grouped(r.params)}`, `MACs ${grouped(r.macs)}`];
    if (r.field) stats.push(`receptive field ${pairLabel(r.field.size, false)}, jump ${pairLabel(r.field.jump, true)}`);
    lines.push(stats.join(' · '));
  } else {
    lines.push(d.usable ? 'output unknown: see the problem on this layer or above it' : 'output unknown: see the problem on this layer');
    // The guess that keeps checking going (and counts in the totals), said as such.
    if (r.output) lines.push(`checking goes on with ≈ ${code(shapeLabel(r.output))} (estimated: the layers it feeds report no errors of their own)`);
  }
  return lines.join(BR);
}

/** Width and height lines that say the same thing are written once. */
function arithmeticLines(lines: string[]): string[] {
  const w = lines.find((l) => l.startsWith('width: '));
  const h = lines.find((l) => l.startsWith('height: '));
  if (w && h && w.slice('width: '.length) === h.slice('height: '.length)) {
    return lines.filter((l) => l !== h).map((l) => (l === w ? `width, height: ${w.slice('width: '.length)}` : l));
  }
  return lines;
}

function paramText(type: string, key: string, p: ParamSpec, written: string | undefined): string {
  const facts: string[] = [];
  if (p.required) facts.push('required');
  else if (p.default !== undefined) facts.push(`default ${code(String(p.default))}`);
  if (written !== undefined && written.trim() !== '') facts.push(`here ${code(written.trim())}`);
  return `**${plainText(key)}** (${plainText(type)})${BR}${p.doc}${facts.length ? `${BR}${facts.join(' · ')}` : ''}`;
}

function inputRefHover(analysis: Analysis, doc: TextDocument, layer: LayerResult, name: string, span: Span): Hover | null {
  if (name === 'input') {
    return markdown(`**input**: the network input ${code(shapeLabel(analysis.model.input?.value))}`, doc, span);
  }
  const src = layer.sources.map((s) => analysis.layers[s]).find((r) => r?.decl.id === name);
  if (!src) return null;
  const d = src.decl;
  return markdown(`${code(name)}: layer ${d.index} (${plainText(d.type)}) → ${code(resultLabel(src))}`, doc, span);
}

function markdown(value: string, doc: TextDocument, span: Span | undefined): Hover {
  const h: Hover = { contents: { kind: MarkupKind.Markdown, value } };
  if (span) h.range = toRange(doc, span);
  return h;
}
