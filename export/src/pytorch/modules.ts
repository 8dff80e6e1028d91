// The block classes of the file, innermost first (a class's code calls the classes of the blocks
// it uses), and writing any module class out. A block whose copies cannot share one class is
// written out inline in the module around it, and the file says so in a comment.
import type { Analysis, AstNode, BlockDefinition } from '../../../core/src/index';
import { moduleBody, type Body } from './body';
import { blockClass } from './blockClass';
import { codeLines, docstring, MAX_LINE } from './format';
import type { Rank } from './layers';
import { className, commentText, variableName } from './python';
import { buildScope, copyTable, unfitCopies, type CopyInfo, type GlobalLayer, type Scope, type ScopeContext } from './scope';
import { ExportError } from './structure';

export interface BlockClasses {
  /** The classes' source, innermost first. */
  texts: string[];
  /** What the network's own module is built with. */
  context: ScopeContext;
  /** One sentence per block written out inline, and why. */
  inlined: string[];
}

export function blockClasses(analysis: Analysis, placed: GlobalLayer[], rankOf: (i: number) => Rank, taken: Set<string>): BlockClasses {
  const copies = copyTable(analysis);
  const unfit = unfitCopies(analysis, copies);
  const classes = new Set<string>();
  const calls = new Map<string, { short: string; full: string }>();
  const context: ScopeContext = {
    analysis,
    copies,
    placed,
    isClass: (c) => classes.has(c.definition),
    instance: (c) => calls.get(c.copy.use)?.[c.copy.outer ? 'full' : 'short'] ?? 'None',
    weighted: (c) => placed.slice(c.first, c.end).some((l) => l.weighted),
  };
  const texts: string[] = [];
  const inlined: string[] = [];
  const names = new Set(taken);
  for (const def of definitionOrder(analysis)) {
    const mine = [...copies.values()].filter((c) => c.copy.definition === def.name);
    if (mine.length === 0) continue;
    const label = commentText(def.name);
    if (mine.some((c) => unfit.has(c.copy.use))) {
      inlined.push(`Block "${label}" is written out inline: a layer outside it uses one of its layers other than its output.`);
      continue;
    }
    let name = className(def.name);
    for (let n = 2; names.has(name); n++) name = `${className(def.name)}${n}`;
    let code;
    try {
      code = blockClass(analysis, def, name, mine.map((c) => {
        const scope = buildScope(context, c);
        return { info: c, scope, body: moduleBody(scope, rankOf, inputNames(analysis, def, c, scope), 'identity') };
      }));
    } catch (e) {
      if (!(e instanceof ExportError)) throw e;
      code = undefined;
    }
    if (!code) {
      inlined.push(`Block "${label}" is written out inline: its copies differ in more than the numbers of their modules.`);
      continue;
    }
    names.add(name);
    classes.add(def.name);
    for (const [use, call] of code.calls) calls.set(use, call);
    texts.push(renderClass(name, code.body, docstring(4, code.doc), code.signature, []));
  }
  return { texts, context, inlined };
}

/** Definitions in use, each after the blocks it uses (the expansion has no cycles). */
function definitionOrder(analysis: Analysis): BlockDefinition[] {
  const blocks = analysis.model.blocks;
  if (!blocks) return [];
  const inner = new Map<string, Set<string>>();
  for (const use of blocks.uses) {
    if (!use.outer) continue;
    inner.set(use.outer.definition, (inner.get(use.outer.definition) ?? new Set<string>()).add(use.definition));
  }
  const depth = new Map<string, number>();
  const depthOf = (d: string, seen: Set<string>): number => {
    const known = depth.get(d);
    if (known !== undefined) return known;
    if (seen.has(d)) return 0;
    seen.add(d);
    const v = 1 + Math.max(0, ...[...(inner.get(d) ?? [])].map((i) => depthOf(i, seen)));
    depth.set(d, v);
    return v;
  };
  const defs = [...blocks.definitions.values()];
  return defs.map((d, i) => ({ d, i, k: depthOf(d.name, new Set()) })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.d);
}

/** forward's arguments: `x`, then the definition's own input names where they can be told apart. */
function inputNames(analysis: Analysis, def: BlockDefinition, c: CopyInfo, scope: Scope): string[] {
  const declared = def.inputs.map((i) => i.name);
  const named = new Map<number, string>();
  for (let i = c.first; i < c.end; i++) {
    const r = analysis.layers[i]!;
    if (r.decl.block !== c.copy || r.decl.blockLayer === undefined) continue;
    const written = inputsOf(def.layers[r.decl.blockLayer]);
    r.sources.forEach((s, k) => {
      const w = written ? written[k] : r.decl.blockLayer === 0 ? declared[0] : undefined;
      if (w !== undefined && declared.includes(w) && !named.has(s)) named.set(s, w);
    });
  }
  const out: string[] = [];
  scope.inputs.forEach((g, k) => {
    let v = k === 0 ? 'x' : variableName(named.get(g) ?? `x${k + 1}`);
    if (k > 0 && (['x_', 'identity'].includes(v) || out.includes(v))) v = `x${k + 1}`;
    out.push(v);
  });
  return out;
}

/** A layer's `inputs` as written (one name or a list), or undefined without it. */
function inputsOf(node: AstNode | undefined): string[] | undefined {
  if (node?.kind !== 'map') return undefined;
  const v = node.pairs.find((p) => p.key.value === 'inputs')?.value;
  if (!v) return undefined;
  if (v.kind === 'scalar') return [String(v.value)];
  if (v.kind === 'seq') return v.items.map((n) => (n.kind === 'scalar' ? String(n.value) : ''));
  return undefined;
}

/** A module class: the nn.Sequential form takes its items in super().__init__(…), the others have a forward. */
export function renderClass(name: string, body: Body, doc: string[], signature: string[], extraInit: string[]): string {
  const lines = (ls: Body['init']) => ls.flatMap((l) => codeLines(l.indent, l.code, l.comment));
  const head = [`class ${name}(${body.base}):`, ...doc, '', ...defLine('__init__', ['self', ...signature])];
  if (body.base === 'nn.Sequential') return [...head, '        super().__init__(', ...lines(body.init), '        )', ...extraInit].join('\n');
  return [
    ...head,
    '        super().__init__()',
    ...lines(body.init),
    ...extraInit,
    '',
    ...defLine('forward', ['self', ...body.args]),
    ...lines(body.forward),
  ].join('\n');
}

/** `    def f(a, b):`, one argument a line where that is too long. */
function defLine(fn: string, args: string[]): string[] {
  const one = `    def ${fn}(${args.join(', ')}):`;
  if (one.length <= MAX_LINE) return [one];
  return [`    def ${fn}(`, ...args.map((a) => `        ${a},`), '    ):'];
}
