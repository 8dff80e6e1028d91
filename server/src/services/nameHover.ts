// Hovers on names: a name in `inputs` (the shape it brings), a block parameter (`$name`, its key, the
// key at a use: what it is and the value each use gives), a block's key under `blocks:` (its
// parameters and its uses). A layer's own name and a use's `type` get the layer's hover instead.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Span } from '../../../core/src/index';
import { code, plainText } from './markdown';
import { toRange } from './ranges';
import { runsOf } from './results';
import { allScopes, fileNames, type BlockSyntax } from './scopes';
import { copiesLabel, outputsLabel, resultLabel, shapeLabel } from './shapes';
import { nameSpan, symbolAt, type SymbolHit } from './symbols';

const BR = '  \n';

export function nameHover(a: Analysis, doc: TextDocument, offset: number): Hover | null {
  const hit = symbolAt(a, offset);
  if (!hit) return null;
  const t = hit.target;
  const range = nameSpan(a.text, hit.site);
  if (t.kind === 'param') return markdown(paramText(a, t.block, t.name), doc, range);
  if (t.kind === 'block') return hit.site.role === 'declaration' ? markdown(blockText(a, t.block), doc, range) : null;
  if (hit.site.role !== 'reference') return null;
  return refText(a, hit, doc);
}

/** A reference: the shape it brings (or every copy's, inside a block). */
function refText(a: Analysis, hit: SymbolHit, doc: TextDocument): Hover | null {
  const t = hit.target;
  const whole = hit.site.value;
  const span = nameSpan(a.text, { ...hit.site, from: 0, to: whole.length });
  if (t.kind === 'input') {
    if (t.scope.block === undefined) return markdown(`**input**: the network input ${code(shapeLabel(a.model.input?.value))}`, doc, span);
    return markdown(`${code(t.name)}: an input of block ${code(t.scope.block)}, given by each use`, doc, span);
  }
  if (t.kind !== 'layer') return null;
  // `layer1.0.conv1` names a layer of a use's copy: the layer that runs under that full name.
  if (hit.site.from > 0 || hit.site.to < whole.length || (t.scope.block === undefined && fileNames(a).blocks.has(t.item.type?.name ?? ''))) {
    const r = a.layers.find((l) => l.decl.id === whole) ?? a.layers[aliasIndex(a, whole) ?? -1];
    return r ? markdown(`${code(whole)}: ${r.decl.type} → ${code(resultLabel(r))}`, doc, span) : null;
  }
  const runs = runsOf(a, t.scope, t.item);
  return markdown(`${code(whole)}: layer ${t.item.index} (${t.item.type?.name ?? '?'}) → ${code(outputsLabel(runs))}`, doc, span);
}

/** A block parameter: required or its default, and the value each use gives. */
function paramText(a: Analysis, b: BlockSyntax, name: string): string {
  const d = b.defaults.get(name);
  const lines = [`**${plainText(name)}**: parameter of block ${code(b.name)}`, d === undefined ? 'required at every use' : `default ${code(d)}`];
  const given: string[] = [];
  for (const s of allScopes(fileNames(a))) {
    for (const it of s.items) {
      if (it.type?.name !== b.name) continue;
      const p = it.node.kind === 'map' ? it.node.pairs.find((q) => q.key.value === name) : undefined;
      const v = p?.value ? a.text.slice(p.value.start, p.value.end).trim() : undefined;
      given.push(`${it.name ? code(it.name.name) : `layer ${it.index}`}: ${v === undefined ? (d === undefined ? 'missing' : 'default') : code(v)}`);
    }
  }
  if (given.length) lines.push(`at each use: ${given.join(', ')}`);
  return lines.join(BR);
}

/** A block's key under `blocks:`: its parameters, its layers and its uses with their outputs. */
function blockText(a: Analysis, b: BlockSyntax): string {
  const params = b.params.map((p) => (b.defaults.has(p.name) ? `${p.name} = ${b.defaults.get(p.name)!}` : `${p.name} (required)`));
  const lines = [`**block** ${code(b.name)}: ${b.scope.items.length} layer${b.scope.items.length === 1 ? '' : 's'}`];
  if (params.length) lines.push(`parameters: ${params.join(', ')}`);
  const uses: string[] = [];
  const names = fileNames(a);
  for (const it of names.top.items) {
    if (it.type?.name === b.name) uses.push(`${it.name ? code(it.name.name) : `layer ${it.index}`} → ${code(copiesLabel(runsOf(a, names.top, it)))}`);
  }
  lines.push(uses.length ? `used by ${uses.join(', ')}` : 'not used at the top level');
  return lines.join(BR);
}

/** The expanded index that a use's or a copy's name stands for (`layer1`, `layer1.0`). */
function aliasIndex(a: Analysis, name: string): number | undefined {
  return a.model.blocks?.aliases.get(name);
}

function markdown(value: string, doc: TextDocument, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, span) };
}
