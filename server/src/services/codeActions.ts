// Quick fixes from the data the core attaches to its diagnostics (CoreDiagnostic.fix): the spelling
// it suggests, the value that arrives, a flatten before a dense layer, and the nearest paddings and
// strides that make an output size whole (each titled with the size it gives).
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import type { CoreDiagnostic, FixData } from '../../../core/src/index';
import { sizeFixes, t } from '../../../core/src/index';
import { insertFlatten, insertItem } from './edits/insertFlatten';
import { toTextEdit, type OffsetEdit } from './edits/offsetEdit';
import { replaceScalar } from './edits/replaceScalar';
import { setLayerKey } from './edits/setLayerKey';
import { toLspDiagnostic } from './validation';

interface Fix {
  title: string;
  edit: OffsetEdit;
  /** Further edits of the same fix (they never overlap the first). */
  more?: OffsetEdit[];
  preferred: boolean;
}

export function codeActions(analysis: Analysis, doc: TextDocument, range: Range): CodeAction[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const d of analysis.diagnostics) {
    if (!d.fix || !(touches(d.span, from, to) || touchesType(analysis, d, from, to))) continue;
    const diagnostic = toLspDiagnostic(d, doc);
    for (const f of fixesFor(analysis, d, d.fix)) {
      const action: CodeAction = {
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [doc.uri]: [f.edit, ...(f.more ?? [])].map((e) => toTextEdit(doc, e)) } },
      };
      if (f.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

function fixesFor(a: Analysis, d: CoreDiagnostic, fix: FixData): Fix[] {
  switch (fix.kind) {
    case 'replace':
      return fix.suggestions.map((s, i) => ({ title: s.title, edit: replaceScalar(a.text, fix.span, s.text), preferred: i === 0 }));
    case 'set-value': {
      const key = keyOfValue(a, d, fix.span.start);
      const title = key === undefined ? t('fixes.setValueArrives', { value: fix.value }) : t('fixes.setKeyArrives', { key, value: fix.value });
      return [{ title, edit: replaceScalar(a.text, fix.span, fix.value), preferred: true }];
    }
    case 'insert-flatten': {
      const edit = insertFlatten(a.text, a.kind, fix.at);
      return edit ? [{ title: t('fixes.insertFlatten'), edit, preferred: true }] : [];
    }
    case 'padding-stride': {
      const layer = a.layers[fix.layerIndex];
      const node = layer?.decl.node;
      if (!node) return [];
      // The options give width × height; padding and stride leave the depth as it is.
      const depth = layer.output ? `×${layer.output.depth}` : '';
      const out: Fix[] = [];
      for (const o of fix.options) {
        const [key, value] = o.padding !== undefined ? ['padding', o.padding] : ['stride', o.stride];
        if (value === undefined) continue;
        const edit = setLayerKey(a.text, a.kind, node, key, String(value));
        const title = t(key === 'padding' ? 'fixes.setPadding' : 'fixes.setStride', { value, result: `${o.result}${depth}` });
        if (edit) out.push({ title, edit, preferred: out.length === 0 });
      }
      return [...out, ...moreSizeFixes(a, fix.layerIndex, out.length === 0)];
    }
    case 'projection':
      return projectionFix(a, fix);
  }
}

/** The input size, kernel and per-layer rounding that also give whole sizes (see the core's sizeFixes). */
function moreSizeFixes(a: Analysis, layerIndex: number, preferFirst: boolean): Fix[] {
  const out: Fix[] = [];
  for (const f of sizeFixes(a.model, a.layers, layerIndex)) {
    let edit: OffsetEdit | undefined;
    if (f.kind === 'input') {
      const span = a.model.input?.span;
      // Only an input written as one "WxHxD" scalar is rewritten.
      if (span && /^["']?\d+\s*[x×X]\s*\d+\s*[x×X]\s*\d+["']?$/.test(a.text.slice(span.start, span.end))) edit = replaceScalar(a.text, span, f.value);
    } else {
      const node = a.layers[f.layerIndex]?.decl.node;
      edit = node ? setLayerKey(a.text, a.kind, node, f.key, f.value) : undefined;
    }
    if (edit) out.push({ title: f.title, edit, preferred: preferFirst && out.length === 0 });
  }
  return out;
}

/** Inserts `{name: x_proj, type: conv, filters: D, kernel: 1, inputs: x}` before the layer and points its input there. */
function projectionFix(a: Analysis, fix: Extract<FixData, { kind: 'projection' }>): Fix[] {
  const node = a.layers[fix.layerIndex]?.decl.node;
  // Layers referred to by their number would shift under an inserted layer.
  const byNumber = a.model.layers.some((l) => l.inputs?.some((r) => /^["']?\d+["']?$/.test(a.text.slice(r.span.start, r.span.end))));
  if (!node || byNumber) return [];
  const taken = new Set(a.model.layers.map((l) => l.id));
  let name = `${fix.source}_proj`;
  for (let n = 2; taken.has(name) && n < 100; n++) name = `${fix.source}_proj${n}`;
  if (taken.has(name)) return [];
  const q = (s: string) => (a.kind === 'json' ? JSON.stringify(s) : /^[\w.-]+$/.test(s) ? s : JSON.stringify(s));
  const k = (s: string) => (a.kind === 'json' ? JSON.stringify(s) : s);
  const item = `{${k('name')}: ${q(name)}, ${k('type')}: ${q('conv')}, ${k('filters')}: ${fix.filters}, ${k('kernel')}: 1, ${k('inputs')}: ${q(fix.source)}}`;
  const insert = insertItem(a.text, a.kind, node.start, item);
  if (!insert) return [];
  const shape = a.layers.find((l) => l.decl.id === fix.source)?.output ?? (fix.source === 'input' ? a.model.input?.value : undefined);
  const args = { source: fix.source, filters: fix.filters };
  const title = shape ? t('fixes.projectTo', { ...args, shape: `${shape.width}×${shape.height}×${fix.filters}` }) : t('fixes.project', args);
  return [{ title, edit: insert, more: [replaceScalar(a.text, fix.ref, name)], preferred: true }];
}

function touches(span: { start: number; end: number }, from: number, to: number): boolean {
  return span.start <= to && span.end >= from;
}

/** A size fix marked on a value (the stride) is offered on the layer's type too, where one looks first. */
function touchesType(a: Analysis, d: CoreDiagnostic, from: number, to: number): boolean {
  if (d.fix?.kind !== 'padding-stride' || d.layerIndex === undefined) return false;
  const decl = a.layers[d.layerIndex]?.decl;
  return decl !== undefined && touches(decl.typeSpan, from, to);
}

/** The key whose value starts at `start`, in the diagnostic's layer. */
function keyOfValue(a: Analysis, d: CoreDiagnostic, start: number): string | undefined {
  const node = d.layerIndex !== undefined ? a.layers[d.layerIndex]?.decl.node : undefined;
  const pair = node?.pairs.find((p) => p.value?.start === start);
  return typeof pair?.key.value === 'string' ? pair.key.value : undefined;
}
