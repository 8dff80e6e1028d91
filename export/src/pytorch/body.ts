// One module's code as lines, before it is written out: the statements of __init__ (the module tree
// of structure.ts) and of forward (each unit called on its inputs' variables, in order). The lines
// of a block's copies are compared and turned into one class by blockClass.ts.
import { shapeLabel, type Shape } from '../../../core/src/index';
import type { Rank } from './layers';
import { commentText, isPlainAttribute, pyString, variableName } from './python';
import type { Scope, Unit } from './scope';
import { buildStructure, OUTPUT, type Node, type Structure } from './structure';

export interface Line {
  indent: number;
  code: string;
  comment?: string | undefined;
  /** The unit whose module the line constructs (for naming a class's arguments). */
  unit?: number;
}

export interface Body {
  base: 'nn.Sequential' | 'nn.Module' | 'nn.ModuleDict';
  /** nn.Sequential: the items of super().__init__(…); otherwise the statements after it. */
  init: Line[];
  /** forward's arguments and statements (none for nn.Sequential). */
  args: string[];
  forward: Line[];
}

const shapeComment = (s: Shape | null) => (s ? `→ ${shapeLabel(s)}` : undefined);

/**
 * The code of the module `sc`. `rankOf`: the rank of an expanded layer's output (-1: the input);
 * `inputNames`: forward's arguments; `identity`: the name the first input is kept under when a later
 * unit uses it again.
 */
export function moduleBody(sc: Scope, rankOf: (global: number) => Rank, inputNames: string[], identity: string): Body {
  const st = buildStructure(sc.units, sc.output);
  const shapes = (pos: number) => shapeComment(sc.units[pos]!.output);
  if (st.rootSequential) {
    const init = sc.units.map((u): Line => ({ indent: 12, code: `${u.py.module!},`, comment: shapes(u.index), unit: u.index }));
    return { base: 'nn.Sequential', init, args: [], forward: [] };
  }
  const dictRoot = [...st.root.keys()].some((k) => !isPlainAttribute(k));
  const init = [...st.root].flatMap(([key, node]) => {
    const target = isPlainAttribute(key) ? `self.${key}` : `self[${pyString(key)}]`;
    return nodeLines(node, 8, `${target} = `, shapes);
  });
  const rank = (src: number) => (src < 0 ? rankOf(sc.inputs[-1 - src] ?? -1) : rankOf(sc.units[src]!.global));
  const { args, lines } = forwardLines(sc, st, rank, inputNames, identity);
  return { base: dictRoot ? 'nn.ModuleDict' : 'nn.Module', init, args, forward: lines };
}

/** A tree node's module expression as lines: the first continues `prefix` at `indent`. */
function nodeLines(node: Node, indent: number, prefix: string, shapes: (i: number) => string | undefined, suffix = ''): Line[] {
  if (node.kind === 'leaf') return [{ indent, code: `${prefix}${node.layer.py.module!}${suffix}`, unit: node.layer.index }];
  const inner = indent + 4;
  if (node.kind === 'sequential') {
    const items = node.layers.map((l): Line => ({ indent: inner, code: `${l.py.module!},`, comment: shapes(l.index), unit: l.index }));
    return [{ indent, code: `${prefix}nn.Sequential(` }, ...items, { indent, code: `)${suffix}` }];
  }
  if (isList(node)) {
    const keys = [...node.children.keys()].map(Number).sort((a, b) => a - b);
    const ordered = keys.map((k) => node.children.get(String(k))!);
    return [{ indent, code: `${prefix}nn.ModuleList([` }, ...ordered.flatMap((c) => nodeLines(c, inner, '', shapes, ',')), { indent, code: `])${suffix}` }];
  }
  const items = [...node.children].flatMap(([k, c]) => nodeLines(c, inner, `${pyString(k)}: `, shapes, ','));
  return [{ indent, code: `${prefix}nn.ModuleDict({` }, ...items, { indent, code: `})${suffix}` }];
}

/** A container whose keys are exactly 0..n−1: an nn.ModuleList. */
function isList(node: Node): boolean {
  if (node.kind !== 'container') return false;
  const keys = [...node.children.keys()];
  const s = new Set(keys);
  return keys.every((k) => /^[0-9]+$/.test(k)) && keys.every((_, i) => s.has(String(i)));
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
    list = node !== undefined && isList(node);
    children = node?.kind === 'container' ? node.children : undefined;
  }
  return expr;
}

interface Step {
  first: Unit;
  last: Unit;
  call: (ins: string[]) => string;
}

function convert(expr: string, from: Rank, to: Rank | 'as-is'): string {
  if (from === to || to === 'as-is') return expr;
  return to === 'vector' ? `torch.flatten(${expr}, 1)` : `${expr}[:, :, None, None]`;
}

function forwardLines(sc: Scope, st: Structure, rank: (src: number) => Rank, inputNames: string[], identity: string): { args: string[]; lines: Line[] } {
  const units = sc.units;
  const steps: Step[] = [];
  for (const u of units) {
    const run = st.runOf.get(u.index);
    if (run && run.first !== u.index) continue;
    const target = access(st, st.pathOf.get(u.index) ?? []);
    const call = u.copy ? (ins: string[]) => `${target}(${ins.join(', ')})` : u.py.module ? (ins: string[]) => `${target}(${ins[0]!})` : u.py.expr!;
    steps.push({ first: u, last: run ? units[run.last]! : u, call });
  }
  const live = liveUnits(sc);
  const vars = new Map<number, string>();
  const taken = new Set<string>(['x', identity, ...inputNames]);
  const reused = units.some((u) => u.index > 0 && u.sources.includes(-1) && live.has(u.index)) && inputNames[0] === 'x';
  inputNames.forEach((n, k) => vars.set(-1 - k, k === 0 && reused ? identity : n));
  const lines: Line[] = reused ? [{ indent: 8, code: `${identity} = x` }] : [];
  steps.forEach((s, k) => {
    const i = s.last.index;
    if (!live.has(i)) {
      lines.push({ indent: 8, code: `# ${commentText(s.last.label)} does not lead to the output: not computed` });
      return;
    }
    const next = steps[k + 1];
    const chain = s.last.consumers.every((c) => c === OUTPUT || (next && c === next.first.index));
    let v = 'x';
    if (!chain) {
      const base = variableName(s.last.varBase);
      v = base;
      for (let n = 2; taken.has(v); n++) v = `${base}_${n}`;
      taken.add(v);
    }
    vars.set(i, v);
    const want = s.first === s.last ? s.first.want : rank(s.first.sources[0]!);
    const ins = s.first.sources.map((src) => convert(vars.get(src) ?? 'x', rank(src), want));
    lines.push({ indent: 8, code: `${v} = ${s.call(ins)}`, comment: shapeComment(s.last.output) });
  });
  lines.push({ indent: 8, code: `return ${vars.get(sc.output) ?? 'x'}` });
  return { args: inputNames, lines };
}

/** The units the module's output depends on. */
function liveUnits(sc: Scope): Set<number> {
  const live = new Set<number>();
  const stack = [sc.output];
  while (stack.length) {
    const i = stack.pop()!;
    if (i < 0 || live.has(i)) continue;
    live.add(i);
    stack.push(...sc.units[i]!.sources);
  }
  return live;
}
