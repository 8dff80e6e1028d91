// The modules of the generated file and what each holds: the network's, and one per copy of a
// format-v2 block that becomes a class. A module's units are its own layers and the instances of the
// block classes used in it, in the order they run; a block exported inline (not as a class) is
// transparent, its layers are units of the module around it.
import type { Analysis, BlockCopy, LayerResult, Shape } from '../../../core/src/index';
import type { Rank } from './layers';
import { OUTPUT, type Placed } from './structure';
import { variableName } from './python';

export interface CopyInfo {
  copy: BlockCopy;
  /** Its layers are the expanded indices [first, end); `output` is the one it returns. */
  first: number;
  end: number;
  output: number;
}

export interface Unit extends Placed {
  /** The layer's expanded index, or the block copy's output's. */
  global: number;
  copy?: CopyInfo;
  /** The rank its inputs are converted to (a block instance takes them as they are). */
  want: Rank | 'as-is';
  /** Its first input's shape and its output's. */
  inShape: Shape;
  output: Shape | null;
  /** Readable name of its output, for variables. */
  varBase: string;
  /** How a comment names it. */
  label: string;
}

export interface Scope {
  units: Unit[];
  /** The expanded indices (-1: the model's input) the module takes, in the order of forward's arguments. */
  inputs: number[];
  /** The position of the unit whose output the module returns. */
  output: number;
}

/** A layer as placed in the whole network (ranks known): what a unit is made from. */
export interface GlobalLayer extends Placed {
  want: Rank;
}

/** Every block copy by its full name. */
export function copyTable(analysis: Analysis): Map<string, CopyInfo> {
  const out = new Map<string, CopyInfo>();
  for (const use of analysis.model.blocks?.uses ?? []) for (const c of use.copies) out.set(c.copy.use, c);
  return out;
}

/** The copies a layer belongs to, outermost first. */
export function chainOf(r: LayerResult): BlockCopy[] {
  const chain: BlockCopy[] = [];
  for (let c = r.decl.block; c; c = c.outer) chain.unshift(c);
  return chain;
}

/**
 * The copies that cannot be a module of their own: a layer outside uses one of their layers other
 * than the output (or the network returns one), their layers are not one range, or a weight key does
 * not start with the copy's name.
 */
export function unfitCopies(analysis: Analysis, copies: Map<string, CopyInfo>): Set<string> {
  const bad = new Set<string>();
  const layers = analysis.layers;
  const inside = (i: number, c: CopyInfo) => i >= c.first && i < c.end;
  const check = (user: number, used: number) => {
    if (used < 0) return;
    for (const b of chainOf(layers[used]!)) {
      const c = copies.get(b.use);
      if (c && !inside(user, c) && used !== c.output) bad.add(b.use);
    }
  };
  for (const r of layers) for (const s of r.sources) check(r.decl.index, s);
  check(layers.length, layers.length - 1);
  for (const [name, c] of copies) {
    for (let i = c.first; i < c.end; i++) {
      const l = layers[i];
      if (!l || !chainOf(l).some((b) => b.use === name) || !l.decl.id.startsWith(`${name}.`)) bad.add(name);
    }
    if (c.end <= c.first || !inside(c.output, c)) bad.add(name);
  }
  return bad;
}

type Member = { kind: 'layer'; index: number } | { kind: 'copy'; info: CopyInfo };

/** The members of the module of copy `parent` (undefined: the network): layers and class instances. */
function membersOf(analysis: Analysis, copies: Map<string, CopyInfo>, isClass: (c: BlockCopy) => boolean, parent?: string): Member[] {
  const out: Member[] = [];
  for (const r of analysis.layers) {
    let chain = chainOf(r);
    if (parent !== undefined) {
      const at = chain.findIndex((c) => c.use === parent);
      if (at < 0) continue;
      chain = chain.slice(at + 1);
    }
    const own = chain.find(isClass);
    const last = out[out.length - 1];
    if (!own) out.push({ kind: 'layer', index: r.decl.index });
    else if (!(last?.kind === 'copy' && last.info.copy.use === own.use)) out.push({ kind: 'copy', info: copies.get(own.use)! });
  }
  return out;
}

export interface ScopeContext {
  analysis: Analysis;
  copies: Map<string, CopyInfo>;
  placed: GlobalLayer[];
  isClass: (c: BlockCopy) => boolean;
  /** The constructor call of a class instance (`Basic(64, 128)`). */
  instance: (c: CopyInfo) => string;
  /** Whether a copy holds weights. */
  weighted: (c: CopyInfo) => boolean;
}

/** The module of copy `parent` (undefined: the whole network). */
export function buildScope(ctx: ScopeContext, parent?: CopyInfo): Scope {
  const { analysis } = ctx;
  const members = membersOf(analysis, ctx.copies, ctx.isClass, parent?.copy.use);
  const prefix = parent ? `${parent.copy.use}.` : '';
  const posOf = new Map<number, number>();
  members.forEach((m, pos) => {
    if (m.kind === 'layer') posOf.set(m.index, pos);
    else for (let i = m.info.first; i < m.info.end; i++) posOf.set(i, pos);
  });
  const inputs: number[] = [];
  const source = (s: number) => {
    const p = posOf.get(s);
    if (p !== undefined) return p;
    if (!inputs.includes(s)) inputs.push(s);
    return -1 - inputs.indexOf(s);
  };
  const outGlobal = parent ? parent.output : analysis.layers.length - 1;
  const output = posOf.get(outGlobal) ?? members.length - 1;
  const units = members.map((m, pos): Unit => {
    const global = m.kind === 'layer' ? m.index : m.info.output;
    const r = analysis.layers[global]!;
    const consumers = new Set<number>();
    for (const c of r.consumers) {
      const p = posOf.get(c);
      if (p === undefined) consumers.add(OUTPUT);
      else if (p !== pos) consumers.add(p);
    }
    if (pos === output) consumers.add(OUTPUT);
    if (m.kind === 'layer') {
      const g = ctx.placed[global]!;
      const key = g.key.slice(prefix.length);
      const local = r.decl.name?.value ?? `${r.decl.type}_${pos}`;
      return {
        ...g, index: pos, key, global, sources: r.sources.map(source), consumers: [...consumers],
        inShape: r.inputShapes[0]!, output: r.output, varBase: variableName(local), label: `${key} (${r.decl.type})`,
      };
    }
    const c = m.info;
    const key = c.copy.use.slice(prefix.length);
    const sources: number[] = [];
    for (let i = c.first; i < c.end; i++) {
      for (const s of analysis.layers[i]!.sources) if (s < c.first || s >= c.end) sources.push(source(s));
    }
    const ins = [...new Set(sources)];
    const firstIn = ins[0]! < 0 ? inputs[-1 - ins[0]!]! : outputOf(members, ins[0]!);
    const inShape = firstIn < 0 ? analysis.model.input!.value : analysis.layers[firstIn]!.output!;
    return {
      index: pos, key, global, copy: c, named: !/^[0-9]+$/.test(key), type: c.copy.definition,
      py: { module: ctx.instance(c), takes: 'any', gives: 'same' },
      weighted: ctx.weighted(c) || !/^[0-9]+$/.test(key),
      sources: ins, consumers: [...consumers], glue: false, want: 'as-is', inShape, output: r.output,
      varBase: variableName(key), label: `${key} (${c.copy.definition})`,
    };
  });
  return { units, inputs, output };
}

/** The expanded index whose output a member gives. */
function outputOf(members: Member[], pos: number): number {
  const m = members[pos]!;
  return m.kind === 'layer' ? m.index : m.info.output;
}
