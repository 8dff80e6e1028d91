// A model → a readable PyTorch file: one nn.Module for the network whose state_dict() keys and
// shapes are the format's weight keys and whose forward() computes what the runner computes.
// Layer code comes from layers.ts (one entry per type), module placement from structure.ts.
import type { Analysis, InlineTensor, LayerResult, Shape } from '../../../core/src/index';
import { expectedParameters, isLayerType, shapeLabel } from '../../../core/src/index';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeLines } from './format';
import { HELPERS, type HelperName } from './helpers';
import { pyLayer, type PyLayer } from './layers';
import { className, commentText, isPlainAttribute, pyNumber, pyString, variableName, wrapWords } from './python';
import { buildStructure, ExportError, type Node, type Placed, type Structure } from './structure';
import { preludeLines } from './prelude';

export { ExportError };

export interface PytorchExportOptions {
  /** Shown in the file's docstring and in messages. */
  fileName: string;
  /** The class names, when `labels:` is a file (read by the caller); a list in the model is used as is. */
  labels?: string[];
}

type Rank = 'map' | 'vector';

interface Step {
  first: LayerResult;
  last: LayerResult;
  call: (ins: string[]) => string;
}

/** The Python source of the network in `analysis`; throws ExportError where the model has errors. */
export function exportPytorch(analysis: Analysis, opts: PytorchExportOptions): string {
  const errors = errorLines(analysis, opts.fileName);
  if (errors.length) throw new ExportError(`${opts.fileName} has errors; fix them before exporting:\n${errors.join('\n')}`);
  const input = analysis.model.input?.value;
  if (!input || analysis.layers.length === 0) throw new ExportError(`${opts.fileName}: the model has no input or no layers`);
  const ranks = new Map<number, Rank>([[-1, 'map']]);
  const placed = analysis.layers.map((r) => place(analysis, r, ranks, opts.fileName));
  const structure = buildStructure(placed);
  const helpers = new Set<HelperName>(placed.flatMap((l) => l.py.helpers ?? []));
  const name = className(analysis.model.name?.value ?? opts.fileName.replace(/^.*[\\/]/, '').replace(/\.cnn\.(ya?ml|json)$/i, ''));
  const inline = inlineParameters(analysis);
  const cls = networkClass(analysis, name, placed, structure, ranks, inline.length > 0);
  const body = [...[...helpers].sort().map((h) => HELPERS[h]), cls].join('\n\n\n');
  const prelude = preludeLines(analysis, opts, inline, body);
  return `${[...prelude, body].join('\n')}\n`;
}

/** The analysis' errors as a compiler prints them (1-based line and column). */
function errorLines(analysis: Analysis, fileName: string): string[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [];
  const doc = TextDocument.create(fileName, 'cnn', 0, analysis.text);
  return errors.map((d) => {
    const p = doc.positionAt(d.span.start);
    return `${fileName}:${p.line + 1}:${p.character + 1}: error: ${d.message} [${d.code}]`;
  });
}

function place(analysis: Analysis, r: LayerResult, ranks: Map<number, Rank>, fileName: string): Placed {
  const d = r.decl;
  const input = r.inputShapes[0];
  if (!input || !r.output || !isLayerType(d.type)) throw new ExportError(`${fileName}: layer ${d.index} (${d.type}) has no computed shape`);
  const rounding = d.rounding?.value ?? analysis.model.rounding.value;
  const py = pyLayer(d.type, d.values, { input, inputs: r.inputShapes.filter((s): s is Shape => s !== null), output: r.output, rounding });
  const inRanks = r.sources.map((s) => ranks.get(s) ?? 'map');
  const want = wantedRank(py, inRanks);
  ranks.set(d.index, py.gives === 'same' ? want : py.gives);
  return {
    index: d.index,
    key: d.id,
    named: d.name !== undefined,
    type: d.type,
    py,
    weighted: Object.keys(expectedParameters(d, input)).length > 0,
    sources: r.sources,
    consumers: r.consumers,
    glue: inRanks.some((k) => k !== want),
  };
}

/** The rank the layer's inputs are converted to: its own, or for 'any' the common one (a map if they differ). */
function wantedRank(py: PyLayer, inRanks: Rank[]): Rank {
  if (py.takes !== 'any') return py.takes;
  return inRanks.every((k) => k === 'vector') ? 'vector' : 'map';
}

function convert(expr: string, from: Rank, to: Rank): string {
  if (from === to) return expr;
  return to === 'vector' ? `torch.flatten(${expr}, 1)` : `${expr}[:, :, None, None]`;
}

const shapeComment = (s: Shape | null) => (s ? `→ ${shapeLabel(s)}` : undefined);

function networkClass(analysis: Analysis, name: string, placed: Placed[], st: Structure, ranks: Map<number, Rank>, inline: boolean): string {
  const input = analysis.model.input!.value;
  const last = analysis.layers[analysis.layers.length - 1]!;
  const title = commentText(analysis.model.name?.value ?? name);
  const doc = docstring(4, `${title}: ${shapeLabel(input)} → ${last.output ? shapeLabel(last.output) : '?'} (width × height × depth).`);
  const loadInline = inline
    ? ['', '        with torch.no_grad():  # the weights written in the model file',
       '            for key, (shape, values) in INLINE_PARAMETERS.items():',
       '                self.state_dict()[key].copy_(torch.tensor(values).reshape(shape))']
    : [];
  if (st.rootSequential) {
    const items = placed.flatMap((l) => codeLines(12, `${l.py.module!},`, shapeComment(analysis.layers[l.index]!.output)));
    return [`class ${name}(nn.Sequential):`, ...doc, '', '    def __init__(self):', '        super().__init__(', ...items, '        )', ...loadInline].join('\n');
  }
  const dictRoot = [...st.root.keys()].some((k) => !isPlainAttribute(k));
  const shapes = (i: number) => shapeComment(analysis.layers[i]!.output);
  const init = [...st.root].flatMap(([key, node]) => {
    const target = isPlainAttribute(key) ? `self.${key}` : `self[${pyString(key)}]`;
    return nodeLines(node, 8, `${target} = `, shapes).flatMap(([indent, code, comment]) => codeLines(indent, code, comment));
  });
  return [
    `class ${name}(${dictRoot ? 'nn.ModuleDict' : 'nn.Module'}):`,
    ...doc,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...init,
    ...loadInline,
    '',
    '    def forward(self, x):',
    ...forwardLines(analysis, placed, st, ranks),
  ].join('\n');
}

type Line = [indent: number, code: string, comment?: string | undefined];

/** A tree node's module expression as lines: the first continues `prefix` at `indent`. */
function nodeLines(node: Node, indent: number, prefix: string, shapes: (i: number) => string | undefined, suffix = ''): Line[] {
  if (node.kind === 'leaf') return [[indent, `${prefix}${node.layer.py.module!}${suffix}`]];
  const inner = indent + 4;
  if (node.kind === 'sequential') {
    const items: Line[] = node.layers.map((l) => [inner, `${l.py.module!},`, shapes(l.index)]);
    return [[indent, `${prefix}nn.Sequential(`], ...items, [indent, `)${suffix}`]];
  }
  const keys = [...node.children.keys()];
  if (keys.every((k) => /^[0-9]+$/.test(k)) && sameSet(keys)) {
    const ordered = keys.map(Number).sort((a, b) => a - b).map((k) => node.children.get(String(k))!);
    return [[indent, `${prefix}nn.ModuleList([`], ...ordered.flatMap((c) => nodeLines(c, inner, '', shapes, ',')), [indent, `])${suffix}`]];
  }
  const items = [...node.children].flatMap(([k, c]) => nodeLines(c, inner, `${pyString(k)}: `, shapes, ','));
  return [[indent, `${prefix}nn.ModuleDict({`], ...items, [indent, `})${suffix}`]];
}

/** Digit keys that are exactly 0..n−1 in some order: a ModuleList. */
function sameSet(keys: string[]): boolean {
  const s = new Set(keys);
  return keys.every((_, i) => s.has(String(i)));
}

/** How the forward pass reaches the module at `path` (ModuleList children by index, others by name). */
function access(st: Structure, path: string[]): string {
  let expr = 'self';
  let children: Map<string, Node> | undefined = st.root;
  let list = false;
  for (const seg of path) {
    if (list) expr += `[${seg}]`;
    else expr += isPlainAttribute(seg) ? `.${seg}` : `[${pyString(seg)}]`;
    const node: Node | undefined = children?.get(seg);
    if (node?.kind === 'container') {
      const keys = [...node.children.keys()];
      list = keys.every((k) => /^[0-9]+$/.test(k)) && sameSet(keys);
      children = node.children;
    } else children = undefined;
  }
  return expr;
}

function forwardLines(analysis: Analysis, placed: Placed[], st: Structure, ranks: Map<number, Rank>): string[] {
  const layers = analysis.layers;
  const steps: Step[] = [];
  for (const r of layers) {
    const run = st.runOf.get(r.decl.index);
    if (run && run.first !== r.decl.index) continue;
    const l = placed[r.decl.index]!;
    const lastR = run ? layers[run.last]! : r;
    const target = access(st, st.pathOf.get(r.decl.index) ?? []);
    const call = l.py.module ? (ins: string[]) => `${target}(${ins[0]!})` : l.py.expr!;
    steps.push({ first: r, last: lastR, call });
  }
  const live = liveLayers(layers);
  const vars = new Map<number, string>();
  const taken = new Set<string>(['x', 'x_in']);
  const inputUsedLater = layers.some((r) => r.decl.index > 0 && r.sources.includes(-1) && live.has(r.decl.index));
  vars.set(-1, inputUsedLater ? 'x_in' : 'x');
  const lines = inputUsedLater ? ['        x_in = x'] : [];
  steps.forEach((s, k) => {
    const i = s.last.decl.index;
    if (!live.has(i)) {
      lines.push(`        # layer ${i} (${commentText(s.last.decl.id)}, ${s.last.decl.type}) does not lead to the output: not computed`);
      return;
    }
    const next = steps[k + 1];
    const chain = s.last.consumers.every((c) => next && c === next.first.decl.index);
    let v = 'x';
    if (!chain) {
      const base = variableName(s.last.decl.name?.value ?? `${s.last.decl.type}_${i}`);
      v = base;
      for (let n = 2; taken.has(v); n++) v = `${base}_${n}`;
      taken.add(v);
    }
    vars.set(i, v);
    const want = s.first.decl.index === s.last.decl.index ? wantOf(placed[i]!, ranks) : (ranks.get(s.first.sources[0]!) ?? 'map');
    const ins = s.first.sources.map((src) => convert(vars.get(src) ?? 'x', ranks.get(src) ?? 'map', want));
    lines.push(...codeLines(8, `${v} = ${s.call(ins)}`, shapeComment(s.last.output)));
  });
  lines.push(`        return ${vars.get(layers[layers.length - 1]!.decl.index) ?? 'x'}`);
  return lines;
}

function wantOf(l: Placed, ranks: Map<number, Rank>): Rank {
  if (l.py.takes !== 'any') return l.py.takes;
  return l.sources.every((s) => ranks.get(s) === 'vector') ? 'vector' : 'map';
}

/** The layers the last layer's output depends on. */
function liveLayers(layers: LayerResult[]): Set<number> {
  const live = new Set<number>();
  const stack = [layers.length - 1];
  while (stack.length) {
    const i = stack.pop()!;
    if (i < 0 || live.has(i)) continue;
    live.add(i);
    stack.push(...layers[i]!.sources);
  }
  return live;
}

function docstring(indent: number, text: string): string[] {
  const pad = ' '.repeat(indent);
  let t = text;
  if (t.endsWith('"')) t += '.';
  const lines = wrapWords(t, 100 - indent - 6);
  if (lines.length === 1) return [`${pad}"""${lines[0]!}"""`];
  return [`${pad}"""${lines[0]!}`, ...lines.slice(1).map((l) => pad + l), `${pad}"""`];
}

export { docstring };

/** Inline `parameters:` of every layer: [state_dict key, shape, values]. */
export function inlineParameters(analysis: Analysis): Array<[string, number[], number[]]> {
  const out: Array<[string, number[], number[]]> = [];
  for (const r of analysis.layers) {
    const values = r.decl.inlineParameters?.values;
    if (!values) continue;
    for (const [key, v] of values) {
      const t = v.value as InlineTensor | string;
      if (typeof t !== 'object' || !Array.isArray(t.data)) continue;
      out.push([`${r.decl.id}.${key}`, t.shape, Array.from(t.data)]);
    }
  }
  return out;
}

export { pyNumber };
