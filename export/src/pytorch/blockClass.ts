// One nn.Module class per block definition, from the code of each of its copies: where the copies'
// code differs only in numbers (or True/False) inside constructor calls, those become the class's
// arguments, named as a person would (`in_channels` for the depth the block receives, a block
// parameter's own name where its values match, `conv1_stride` otherwise). Anything else that
// differs (forward, the module tree, a pair against a number) means no class: undefined.
import type { Analysis, AstNode, BlockCopy, BlockDefinition } from '../../../core/src/index';
import { shapeLabel } from '../../../core/src/index';
import type { Body, Line } from './body';
import { pyNumber, variableName } from './python';
import type { CopyInfo, Scope } from './scope';

export interface CopyCode {
  info: CopyInfo;
  scope: Scope;
  body: Body;
}

export interface ClassCode {
  /** The class's body with argument names in place of the numbers. */
  body: Body;
  /** `in_channels`, `filters`, `stride=1`, ...: the __init__ arguments after self. */
  signature: string[];
  /** Each copy's constructor call, by the copy's full name: without the arguments at their default, and
   * with all of them (inside another block's class, where the copies' calls must read alike). */
  calls: Map<string, { short: string; full: string }>;
  /** The docstring's text. */
  doc: string;
}

const TOKEN = /(?<![\w."-])(?:\d+|True|False)(?![\w."])/g;

interface Token {
  start: number;
  end: number;
  text: string;
}

const tokens = (code: string): Token[] => [...code.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
const skeleton = (code: string) => code.replace(TOKEN, '\u0000');

interface Arg {
  name: string;
  /** Its value in each copy. */
  values: string[];
  default?: string;
  order: number;
}

/** The class for `def` from its copies' code, or undefined where they differ in more than numbers. */
export function blockClass(analysis: Analysis, def: BlockDefinition, className: string, copies: CopyCode[]): ClassCode | undefined {
  const first = copies[0]!;
  const same = (f: (b: Body) => string) => copies.every((c) => f(c.body) === f(first.body));
  if (!same((b) => `${b.base}(${b.args.join(', ')})`)) return undefined;
  if (!same((b) => b.forward.map((l) => `${l.indent} ${l.code}`).join('\n'))) return undefined;
  if (!same((b) => b.init.map((l) => `${l.indent} ${skeleton(l.code)}`).join('\n'))) return undefined;

  const params = blockParamValues(analysis, def, copies);
  const args: Arg[] = [];
  const argFor = (want: Omit<Arg, 'name'> & { names: string[] }): string => {
    const found = args.find((a) => want.names.includes(a.name) && a.values.join() === want.values.join())
      ?? args.find((a) => a.values.join() === want.values.join() && want.order >= 1000);
    if (found) return found.name;
    let name = want.names[0]!;
    for (let n = 2; args.some((a) => a.name === name); n++) name = `${want.names[0]!}_${n}`;
    args.push({ name, values: want.values, order: want.order, ...(want.default !== undefined ? { default: want.default } : {}) });
    return name;
  };

  const init = first.body.init.map((line, i): Line => {
    const perCopy = copies.map((c) => tokens(c.body.init[i]!.code));
    let code = line.code;
    const own = perCopy[0]!;
    for (let t = own.length - 1; t >= 0; t--) {
      const values = perCopy.map((ts) => ts[t]!.text);
      if (values.every((v) => v === values[0])) continue;
      const name = argFor(nameOf(line, t, code.slice(0, own[t]!.start), values, copies, params));
      code = code.slice(0, own[t]!.start) + name + code.slice(own[t]!.end);
    }
    const comments = copies.map((c) => c.body.init[i]!.comment);
    return { ...line, code, comment: comments.every((x) => x === comments[0]) ? line.comment : undefined };
  });
  const forward = first.body.forward.map((line, i): Line => {
    const comments = copies.map((c) => c.body.forward[i]!.comment);
    return { ...line, comment: comments.every((x) => x === comments[0]) ? line.comment : undefined };
  });

  args.sort((a, b) => Number(a.default !== undefined) - Number(b.default !== undefined) || a.order - b.order);
  const signature = args.map((a) => (a.default !== undefined ? `${a.name}=${a.default}` : a.name));
  const calls = new Map(copies.map((c, k) => {
    const list = (all: boolean) => args.flatMap((a) => {
      const v = a.values[k]!;
      if (a.default === undefined) return [v];
      return v === a.default && !all ? [] : [`${a.name}=${v}`];
    });
    return [c.info.copy.use, { short: `${className}(${list(false).join(', ')})`, full: `${className}(${list(true).join(', ')})` }];
  }));
  return { body: { ...first.body, init, forward }, signature, calls, doc: docText(def, copies) };
}

/** The argument a differing number at token `t` of `line` stands for. */
function nameOf(line: Line, t: number, before: string, values: string[], copies: CopyCode[], params: Map<string, ParamInfo>): Omit<Arg, 'name'> & { names: string[] } {
  const units = line.unit === undefined ? [] : copies.map((c) => c.scope.units[line.unit!]!);
  const unit = units[0];
  // The depth the unit receives from the block's input k: `in_channels` (torchvision's `inplanes`).
  if (unit && t === 0 && unit.sources[0]! < 0 && units.every((u, k) => String(u.inShape.depth) === values[k])) {
    const k = -1 - unit.sources[0]!;
    return { names: [k === 0 ? 'in_channels' : `${copies[0]!.body.args[k] ?? `x${k + 1}`}_channels`], values, order: 0 };
  }
  let order = 1;
  for (const [p, info] of params) {
    if (info.values.join() === values.join()) return { names: [variableName(p)], values, order, ...(info.default !== undefined ? { default: info.default } : {}) };
    order++;
  }
  const keyword = /(\w+)=$/.exec(before)?.[1];
  const owner = unit ? variableName(unit.key) : 'block';
  return { names: [`${owner}_${keyword ?? (t === 0 ? 'channels' : `arg${t}`)}`], values, order: 1000 };
}

interface ParamInfo {
  values: string[];
  default?: string;
}

/** Python literals of a value that can stand for one token: a number, a square pair, a boolean. */
function literal(v: unknown): string | undefined {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number' && Number.isInteger(v)) return pyNumber(v);
  if (Array.isArray(v) && v.length === 2 && v[0] === v[1]) return literal(v[0]);
  return undefined;
}

/** Each block parameter's value in every copy, where a layer of the block takes it as `$name`. */
function blockParamValues(analysis: Analysis, def: BlockDefinition, copies: CopyCode[]): Map<string, ParamInfo> {
  const out = new Map<string, ParamInfo>();
  for (const p of def.params) {
    const values = copies.map((c) => paramValue(analysis, c.info.copy, p.name, 0));
    if (values.some((v) => v === undefined)) continue;
    const d = p.default?.kind === 'scalar' ? literal(p.default.value) : undefined;
    out.set(p.name, { values: values as string[], ...(d !== undefined ? { default: d } : {}) });
  }
  return out;
}

/** The value of parameter `name` in `copy`: read where a layer takes it, or through a nested use that passes it on. */
function paramValue(analysis: Analysis, copy: BlockCopy, name: string, depth: number): string | undefined {
  const def = analysis.model.blocks?.definitions.get(copy.definition);
  if (!def || depth > 16) return undefined;
  for (const where of referencesOf(def, name)) {
    const inner = analysis.model.blocks?.definitions.get(where.type);
    if (!inner) {
      const r = analysis.layers.find((l) => l.decl.block === copy && l.decl.blockLayer === where.layer);
      const v = r ? literal(r.decl.values[where.key]) : undefined;
      if (v !== undefined) return v;
      continue;
    }
    const use = `${copy.use}.${def.localNames[where.layer] ?? ''}`;
    const nested = analysis.layers.find((l) => l.decl.block?.outer === copy && (l.decl.block.use === use || l.decl.block.use.startsWith(`${use}.`)));
    const v = nested?.decl.block ? paramValue(analysis, nested.decl.block, where.key, depth + 1) : undefined;
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The layers of the definition (by index, with their type) and the keys whose value is written `$name`. */
function referencesOf(def: BlockDefinition, name: string): Array<{ layer: number; key: string; type: string }> {
  const out: Array<{ layer: number; key: string; type: string }> = [];
  def.layers.forEach((node: AstNode, j) => {
    if (node.kind !== 'map') return;
    const type = node.pairs.find((p) => p.key.value === 'type')?.value;
    for (const pair of node.pairs) {
      if (pair.value?.kind === 'scalar' && pair.value.value === `$${name}` && typeof pair.key.value === 'string') {
        out.push({ layer: j, key: pair.key.value, type: type?.kind === 'scalar' ? String(type.value) : '' });
      }
    }
  });
  return out;
}

/** `Block "basic" of the model file: 56×56×64 → 56×56×64 in layer1.0, layer1.1; ...` */
function docText(def: BlockDefinition, copies: CopyCode[]): string {
  const groups = new Map<string, string[]>();
  for (const c of copies) {
    const inShape = c.scope.units[0]?.inShape;
    const out = c.scope.units[c.scope.output]?.output;
    const key = inShape && out ? `${shapeLabel(inShape)} → ${shapeLabel(out)}` : '?';
    groups.set(key, [...(groups.get(key) ?? []), c.info.copy.use]);
  }
  const parts = [...groups].slice(0, 4).map(([k, uses]) => `${k} in ${uses.slice(0, 4).join(', ')}${uses.length > 4 ? ' …' : ''}`);
  return `Block "${def.name}" of the model file: ${parts.join('; ')}${groups.size > 4 ? '; …' : '.'}`;
}
