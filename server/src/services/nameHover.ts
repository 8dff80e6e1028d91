// Hovers on names: a name in `inputs` (the shape it brings), a block parameter (`$name`, its key, the
// key at a use: what it is and the value each use gives), a block's key under `blocks:` (its
// parameters and its uses). A layer's own name and a use's `type` get the layer's hover instead.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Analysis, type Span } from '../../../core/src/index';
import { joinList } from './lists';
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
  const target = hit.target;
  const range = nameSpan(a.text, hit.site);
  if (target.kind === 'param') return markdown(paramText(a, target.block, target.name), doc, range);
  if (target.kind === 'block') return hit.site.role === 'declaration' ? markdown(blockText(a, target.block), doc, range) : null;
  if (hit.site.role !== 'reference') return null;
  return refText(a, hit, doc);
}

/** A reference: the shape it brings (or every copy's, inside a block). */
function refText(a: Analysis, hit: SymbolHit, doc: TextDocument): Hover | null {
  const target = hit.target;
  const whole = hit.site.value;
  const span = nameSpan(a.text, { ...hit.site, from: 0, to: whole.length });
  if (target.kind === 'input') {
    if (target.scope.block === undefined) return markdown(t('hover.inputName', { shape: code(shapeLabel(a.model.input?.value)) }), doc, span);
    return markdown(t('hover.blockInput', { name: code(target.name), block: code(target.scope.block) }), doc, span);
  }
  if (target.kind !== 'layer') return null;
  // `layer1.0.conv1` names a layer of a use's copy: the layer that runs under that full name.
  if (hit.site.from > 0 || hit.site.to < whole.length || (target.scope.block === undefined && fileNames(a).blocks.has(target.item.type?.name ?? ''))) {
    const r = a.layers.find((l) => l.decl.id === whole) ?? a.layers[aliasIndex(a, whole) ?? -1];
    return r ? markdown(`${code(whole)}: ${r.decl.type} → ${code(resultLabel(r))}`, doc, span) : null;
  }
  const runs = runsOf(a, target.scope, target.item);
  return markdown(t('hover.layerRef', { name: code(whole), index: target.item.index, type: target.item.type?.name ?? '?', shape: code(outputsLabel(runs)) }), doc, span);
}

/** A block parameter: required or its default, and the value each use gives. */
function paramText(a: Analysis, b: BlockSyntax, name: string): string {
  const d = b.defaults.get(name);
  const lines = [t('hover.blockParam', { name: plainText(name), block: code(b.name) }), d === undefined ? t('hover.requiredAtEveryUse') : t('hover.defaultValue', { value: code(d) })];
  const given: string[] = [];
  for (const s of allScopes(fileNames(a))) {
    for (const it of s.items) {
      if (it.type?.name !== b.name) continue;
      const p = it.node.kind === 'map' ? it.node.pairs.find((q) => q.key.value === name) : undefined;
      const v = p?.value ? a.text.slice(p.value.start, p.value.end).trim() : undefined;
      const value = v === undefined ? t(d === undefined ? 'hover.missing' : 'hover.byDefault') : code(v);
      given.push(t('hover.givenAt', { use: it.name ? code(it.name.name) : t('hover.layerNumber', { index: it.index }), value }));
    }
  }
  if (given.length) lines.push(t('hover.atEachUse', { list: joinList(given) }));
  return lines.join(BR);
}

/** A block's key under `blocks:`: its parameters, its layers and its uses with their outputs. */
function blockText(a: Analysis, b: BlockSyntax): string {
  const params = b.params.map((p) => (b.defaults.has(p.name) ? t('hover.paramWithDefault', { name: p.name, value: b.defaults.get(p.name)! }) : t('hover.paramRequired', { name: p.name })));
  const count = b.scope.items.length;
  const lines = [count === 1 ? t('hover.blockOneLayer', { name: code(b.name) }) : t('hover.blockLayers', { name: code(b.name), count })];
  if (params.length) lines.push(t('hover.parameters', { list: joinList(params) }));
  const uses: string[] = [];
  const names = fileNames(a);
  for (const it of names.top.items) {
    if (it.type?.name === b.name) uses.push(`${it.name ? code(it.name.name) : t('hover.layerNumber', { index: it.index })} → ${code(copiesLabel(runsOf(a, names.top, it)))}`);
  }
  lines.push(uses.length ? t('hover.usedBy', { list: joinList(uses) }) : t('hover.notUsed'));
  return lines.join(BR);
}

/** The expanded index that a use's or a copy's name stands for (`layer1`, `layer1.0`). */
function aliasIndex(a: Analysis, name: string): number | undefined {
  return a.model.blocks?.aliases.get(name);
}

function markdown(value: string, doc: TextDocument, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, span) };
}
