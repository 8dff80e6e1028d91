// Format v2 `blocks:`: reading the definitions and checking each one once, whatever its uses: its
// `$name` values against its `params`, its layers' references against its inputs and layer names, its
// `output`, parameters it never uses, and blocks that contain themselves (`cycle`).
import type { CoreDiagnostic } from '../diagnostics/diagnostic';
import { LAYERS } from '../layers/registry';
import { describeNode, type AstMap, type AstNode, type AstPair, type Span } from '../syntax/ast';
import { changeTo, clauseThen, didYouMean, sentences, suggest } from '../text/suggest';
import { t } from '../i18n/t';
import { localizedTable } from '../text/localized';
import type { BlockDefinition, BlockParam } from './types';

/** What a definition may hold, with the text completion and hovers show. */
export const DEFINITION_KEYS: Record<string, string> = localizedTable({
  params: 'keys.defParams',
  layers: 'keys.defLayers',
  inputs: 'keys.defInputs',
  output: 'keys.defOutput',
});

/** A value written exactly `$name`. */
export const DOLLAR = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;
const BLOCK_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Keys of a layer whose values are not parameters: never substituted. */
const NOT_PARAMS = new Set(['type', 'name', 'inputs']);

export interface DefinitionReader {
  /** A mapping's pairs with text keys, duplicates reported (the first one wins). */
  keyed(map: AstMap): readonly AstPair[];
  report(d: CoreDiagnostic): void;
}

export interface Definitions {
  defs: Map<string, BlockDefinition>;
  /** `$name` values that name no parameter (reported once here): they stay unsubstituted and unusable. */
  badDollars: Set<AstNode>;
}

export function readBlockDefinitions(pair: AstPair, r: DefinitionReader): Definitions {
  const out: Definitions = { defs: new Map(), badDollars: new Set() };
  const v = pair.value;
  if (!v || (v.kind === 'scalar' && v.value === null)) return out;
  if (v.kind !== 'map') {
    error(r, 'wrong-type', t('blocks.blocksValue', { found: describeNode(v) }), v);
    return out;
  }
  for (const q of r.keyed(v)) {
    const name = q.key.value as string;
    if (LAYERS.has(name)) {
      error(r, 'duplicate-name', t('blocks.nameIsLayerType', { name }), q.key);
      continue;
    }
    if (!BLOCK_NAME.test(name)) {
      error(r, 'wrong-type', t('blocks.badBlockName', { name }), q.key);
      continue;
    }
    const def = readDefinition(name, q, r);
    if (def) out.defs.set(name, def);
  }
  for (const def of out.defs.values()) checkDefinition(def, out, r);
  findCycles(out.defs, r);
  return out;
}

function error(r: DefinitionReader, code: CoreDiagnostic['code'], message: string, span: Span, extra?: Partial<CoreDiagnostic>, severity: CoreDiagnostic['severity'] = 'error'): void {
  r.report({ severity, code, message, span: { start: span.start, end: span.end }, ...extra });
}

function readDefinition(name: string, q: AstPair, r: DefinitionReader): BlockDefinition | undefined {
  const v = q.value;
  if (v?.kind !== 'map') {
    error(r, 'wrong-type', t('blocks.definitionValue', { name, found: describeNode(v) }), v ?? q.key);
    return undefined;
  }
  const def: BlockDefinition = { name, nameSpan: q.key, span: v, params: [], inputs: [], layers: [], localNames: [], cyclic: false };
  const keys = Object.keys(DEFINITION_KEYS);
  for (const p of r.keyed(v)) {
    const k = p.key.value as string;
    if (k === 'params') def.params = readParams(name, p, r);
    else if (k === 'layers') readLayersList(def, p, r);
    else if (k === 'inputs') def.inputs = readNames(name, p, r);
    else if (k === 'output') {
      const o = p.value;
      if (o?.kind === 'scalar' && (typeof o.value === 'string' || typeof o.value === 'number')) def.output = { name: String(o.value), span: o };
      else error(r, 'wrong-type', t('blocks.outputValue', { found: describeNode(o) }), o ?? p.key);
    } else {
      const s = suggest(k, keys);
      error(r, 'unknown-key', sentences(t('blocks.definitionKey', { key: k }), didYouMean(k, keys)), p.key, {
        fix: { kind: 'replace', span: p.key, suggestions: s.map((x) => ({ text: x, title: changeTo(x) })) },
      });
    }
  }
  if (!v.pairs.some((p) => p.key.value === 'layers')) error(r, 'missing-key', t('blocks.noLayersKey', { name }), q.key);
  if (def.inputs.length === 0) def.inputs = [{ name: 'input' }];
  return def;
}

function readParams(block: string, p: AstPair, r: DefinitionReader): BlockParam[] {
  const v = p.value;
  if (!v || (v.kind === 'scalar' && v.value === null)) return [];
  if (v.kind !== 'map') {
    error(r, 'wrong-type', t('blocks.paramsValue', { found: describeNode(v) }), v);
    return [];
  }
  const out: BlockParam[] = [];
  for (const q of r.keyed(v)) {
    const name = q.key.value as string;
    if (!DOLLAR.test(`$${name}`)) {
      error(r, 'wrong-type', t('blocks.badParamName', { block, name }), q.key);
      continue;
    }
    const param: BlockParam = { name, keySpan: q.key };
    if (q.value && !(q.value.kind === 'scalar' && q.value.value === null)) param.default = q.value;
    out.push(param);
  }
  return out;
}

function readLayersList(def: BlockDefinition, p: AstPair, r: DefinitionReader): void {
  const v = p.value;
  if (v?.kind !== 'seq' || v.items.length === 0) {
    error(r, v?.kind === 'seq' ? 'empty-model' : 'wrong-type', v?.kind === 'seq' ? t('blocks.noLayers', { name: def.name }) : t('blocks.layersNotList', { found: describeNode(v) }), v ?? p.key);
    return;
  }
  def.layers = v.items;
  def.layersSpan = v;
  const seen = new Map<string, AstNode>();
  v.items.forEach((item, j) => {
    const nameNode = item.kind === 'map' ? item.pairs.find((q) => q.key.value === 'name')?.value : undefined;
    const named = nameNode?.kind === 'scalar' && typeof nameNode.value === 'string' && nameNode.value.trim() !== '';
    const local = named ? (nameNode.value as string) : String(j);
    def.localNames.push(local);
    const first = seen.get(local);
    if (first && nameNode) {
      error(r, 'duplicate-name', t('blocks.twoLayersNamed', { block: def.name, name: local }), nameNode, { related: [{ span: first, message: t('blocks.firstName', { name: local }) }] });
    } else if (!first) seen.set(local, nameNode ?? item);
  });
}

function readNames(block: string, p: AstPair, r: DefinitionReader): Array<{ name: string; span: Span }> {
  const v = p.value;
  const items = v?.kind === 'seq' ? v.items : v ? [v] : [];
  const out: Array<{ name: string; span: Span }> = [];
  for (const it of items) {
    if (it.kind === 'scalar' && typeof it.value === 'string' && it.value !== '') {
      if (out.some((x) => x.name === it.value)) error(r, 'duplicate-name', t('blocks.twoInputsNamed', { block, name: it.value }), it);
      else out.push({ name: it.value, span: it });
    } else error(r, 'wrong-type', t('blocks.inputNotName', { found: describeNode(it) }), it);
  }
  if (items.length === 0) error(r, 'input-count', t('blocks.noInputs'), v ?? p.key);
  return out;
}

/** `$name` values, references between the block's layers, `output`, and parameters never used. */
function checkDefinition(def: BlockDefinition, all: Definitions, r: DefinitionReader): void {
  const declared = def.params.map((p) => p.name);
  const used = new Set<string>();
  const locals = new Set(def.localNames);
  for (const inp of def.inputs) {
    if (inp.span && locals.has(inp.name)) error(r, 'duplicate-name', t('blocks.inputAndLayer', { name: inp.name, block: def.name }), inp.span);
  }
  const inputNames = def.inputs.map((x) => x.name);
  const visit = (node: AstNode): void => {
    if (node.kind === 'scalar') {
      const m = typeof node.value === 'string' ? DOLLAR.exec(node.value) : null;
      if (!m) return;
      const name = m[1]!;
      if (declared.includes(name)) used.add(name);
      else {
        all.badDollars.add(node);
        const s = suggest(name, declared);
        error(r, 'unknown-parameter', clauseThen(t('blocks.noParameter', { block: def.name, name }), declared.length ? didYouMean(name, declared) : t('blocks.declareUnderParams')), node, {
          fix: { kind: 'replace', span: node, suggestions: s.map((x) => ({ text: `$${x}`, title: changeTo(`$${x}`) })) },
        });
      }
    } else if (node.kind === 'seq') node.items.forEach(visit);
    else for (const p of node.pairs) if (p.value) visit(p.value);
  };
  for (const item of def.layers) {
    if (item.kind !== 'map') continue;
    for (const p of item.pairs) {
      const k = p.key.value;
      if (typeof k !== 'string' || !p.value) continue;
      if (!NOT_PARAMS.has(k)) visit(p.value);
      else if (k === 'inputs') checkRefs(def, p.value, locals, inputNames, r);
    }
  }
  if (def.output && !locals.has(def.output.name)) {
    error(r, 'unknown-reference', clauseThen(t('blocks.noOutputLayer', { block: def.name, name: def.output.name }), didYouMean(def.output.name, def.localNames)), def.output.span);
  }
  for (const p of def.params) {
    if (!used.has(p.name)) {
      error(r, 'unused-parameter', t('blocks.unusedParameter', { block: def.name, name: p.name }), p.keySpan, { tags: ['unnecessary'] }, 'warning');
    }
  }
}

/**
 * Whether a name inside a block names one of its layers: a local name, or a name below one, such as
 * `m.0` (copy 0 of an inner use `m` with `repeat`) or `m.0.cv1` (a layer inside it), which only the
 * expansion can check.
 */
export function isLocalName(name: string, locals: ReadonlySet<string>): boolean {
  if (locals.has(name)) return true;
  for (let i = name.indexOf('.'); i > 0; i = name.indexOf('.', i + 1)) if (locals.has(name.slice(0, i))) return true;
  return false;
}

function checkRefs(def: BlockDefinition, v: AstNode, locals: Set<string>, inputNames: string[], r: DefinitionReader): void {
  const items = v.kind === 'seq' ? v.items : [v];
  for (const it of items) {
    if (it.kind !== 'scalar' || (typeof it.value !== 'string' && typeof it.value !== 'number')) continue; // reported per layer
    const name = String(it.value);
    if (isLocalName(name, locals) || inputNames.includes(name)) continue;
    const known = [...inputNames, ...def.localNames.filter((n) => !/^\d+$/.test(n))];
    error(r, 'unknown-reference', clauseThen(t('blocks.unknownInside', { block: def.name, name, inputs: inputNames.join(', ') }), didYouMean(name, known)), it);
  }
}

/** Blocks used by a definition's layers, with where. */
function usesOf(def: BlockDefinition, defs: Map<string, BlockDefinition>): Array<{ block: string; span: Span }> {
  const out: Array<{ block: string; span: Span }> = [];
  for (const item of def.layers) {
    const t = item.kind === 'scalar' ? item : item.kind === 'map' ? item.pairs.find((p) => p.key.value === 'type')?.value : undefined;
    if (t?.kind === 'scalar' && typeof t.value === 'string' && defs.has(t.value)) out.push({ block: t.value, span: t });
  }
  return out;
}

/** Marks every block on a cycle (iterative search: a long chain of blocks cannot overflow the stack). */
function findCycles(defs: Map<string, BlockDefinition>, r: DefinitionReader): void {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of defs.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ name: string; edges: Array<{ block: string; span: Span }>; next: number }> = [];
    const push = (name: string) => {
      state.set(name, 'open');
      stack.push({ name, edges: usesOf(defs.get(name)!, defs), next: 0 });
    };
    push(start);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const e = top.edges[top.next++];
      if (!e) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const s = state.get(e.block);
      if (s === undefined) push(e.block);
      else if (s === 'open') {
        const from = stack.findIndex((f) => f.name === e.block);
        const chain = stack.slice(from).map((f) => f.name);
        for (const n of chain) defs.get(n)!.cyclic = true;
        const path = [...chain, e.block].map((n) => `'${n}'`).join(' → ');
        error(r, 'cycle', chain.length === 1 ? t('blocks.usesItself', { block: e.block }) : t('blocks.containsItself', { block: top.name, inner: e.block, path }), e.span);
      }
    }
  }
}
