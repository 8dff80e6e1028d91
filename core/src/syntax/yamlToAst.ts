// eemeli/yaml → AstNode. Aliases are resolved (the alias position stands for the value) and `<<`
// merge keys are expanded as YAML 1.1 tools (and eemeli's own toJS with `merge: true`) do, since a YAML
// user expects both to work as in any other YAML tool. Merged pairs keep the spans of the text they
// come from (the anchored mapping), so a message about a merged value points there.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node as YNode } from 'yaml';
import type { AstMap, AstNode, AstPair, AstScalar, ParsedTree, ScalarValue, SyntaxProblem } from './ast';
import { tooDeepAt, tooDeepTree } from './depth';
import { lonelyCrToLf } from './lineBreaks';
import { multipleDocumentsMessage } from './multiDoc';
import { yamlMessage } from './yamlMessages';
import { t } from '../i18n/t';

const MAX_ALIAS_DEPTH = 50;

/**
 * Aliases copy what they name, so a few lines can stand for 10⁹ nodes (an "alias bomb"). The tree
 * may hold at most this many nodes, or twice the text's length if more: far above any real model
 * (the text alone makes fewer nodes than characters) and small enough to build in well under a second.
 */
export const MIN_NODE_BUDGET = 200_000;
export function nodeBudget(textLength: number): number {
  return Math.max(MIN_NODE_BUDGET, 2 * textLength);
}

/** Thrown inside an expansion when the node budget is spent; caught where the expansion started. */
const SPENT = new Error('node budget spent'); // dev-only: a signal, always caught

export function aliasBombMessage(budget: number): string {
  return t('syntax.aliasBomb', { budget: budget.toLocaleString('en-US') });
}

/** Parses `text` as one YAML document; offsets are shifted by `base`. */
export function parseYaml(source: string, base = 0): ParsedTree {
  const text = lonelyCrToLf(source);
  const deep = tooDeepAt(text, true);
  if (deep >= 0) return tooDeepTree(deep, base);
  const doc = parseDocument(text, {
    uniqueKeys: false, // duplicates are reported by the model reader, for YAML and JSON alike
    prettyErrors: false,
    merge: true,
    strict: false,
    keepSourceTokens: false,
  });
  const problems: SyntaxProblem[] = [];
  let missingColon = false;
  for (const e of doc.errors) {
    if (MISSING_COLON.has(e.code)) {
      // One missing `:` makes eemeli/yaml report every line after it: say what is wrong, once.
      if (missingColon) continue;
      missingColon = true;
      problems.push({ ...toProblem('', e.pos, 'error', base, text.length), message: missingColonMessage(text, e.pos[0]), missingColon: true });
      continue;
    }
    problems.push(e.code === 'MULTIPLE_DOCS' ? { ...toProblem('', e.pos, 'error', base, text.length), message: multipleDocumentsMessage(text, e.pos[0]) } : toProblem(e.message, e.pos, 'error', base, text.length, e.code));
  }
  for (const w of doc.warnings) problems.push(toProblem(w.message, w.pos, 'warning', base, text.length, w.code));
  const conv = new Converter(doc, base, problems, nodeBudget(text.length));
  const contents = doc.contents;
  const root = contents ? conv.root(contents) : null;
  return { root, problems };
}

/** eemeli/yaml's codes for a line that reads as a key with no `:` after it. */
const MISSING_COLON = new Set(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY']);

function missingColonMessage(text: string, at: number): string {
  const start = text.lastIndexOf('\n', Math.max(at - 1, 0)) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end).replace(/#.*$/, '').trim().replace(/^-\s*/, '');
  const [key, ...rest] = line.split(/\s+/);
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  if (!key) return t('syntax.missingColonBare');
  return t('syntax.missingColon', { key, line: shown, example: `${key}: ${rest.join(' ') || '…'}` });
}

/** eemeli/yaml's message (its position cut off: the range says where) or, for a stack overflow, ours. */
function toProblem(message: string, pos: [number, number], severity: 'error' | 'warning', base: number, length: number, code?: string): SyntaxProblem {
  const detail = message.replace(/\s+at line \d+, column \d+:[\s\S]*$/, '').trim();
  const clean = /Maximum call stack/i.test(detail) ? t('syntax.stackOverflow') : detail ? yamlMessage(detail, code) : '';
  // eemeli/yaml may place an error at end of input one past the text: keep ranges inside it.
  const start = Math.min(Math.max(pos[0], 0), length) + base;
  return { start, end: Math.max(start, Math.min(pos[1], length) + base), message: clean, severity };
}

class Converter {
  /** Each alias's target, found in one walk (Alias.resolve walks the whole document on every call). */
  private readonly targets = new Map<Alias, YNode>();
  /** Nodes made so far; past the budget an expansion stops (SPENT) and one error is given. */
  private made = 0;
  private spentReported = false;
  /** Aliases already reported unknown: an alias copied a million times gives one problem. */
  private readonly reported = new Set<string>();

  constructor(
    doc: Document,
    private readonly base: number,
    private readonly problems: SyntaxProblem[],
    private readonly budget: number,
  ) {
    // As Alias.resolve: the last anchor of that name before the alias in document order.
    const anchors = new Map<string, YNode>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const t = anchors.get(node.source);
          if (t) this.targets.set(node, t);
        } else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  }

  root(n: YNode): AstNode | null {
    return this.expansion(() => this.node(n, 0), this.span(n), () => null);
  }

  node(n: YNode, depth: number, at?: [number, number]): AstNode {
    if (++this.made > this.budget) throw SPENT;
    const [s, e] = at ?? this.span(n);
    if (isAlias(n)) return at ? this.alias(n, depth, at) : this.expansion(() => this.alias(n, depth, at), this.span(n), () => ({ kind: 'scalar', value: null, start: s, end: e }));
    if (isScalar(n)) return { kind: 'scalar', value: scalarValue(n.value), start: s, end: e };
    if (isSeq(n)) {
      const items: AstNode[] = [];
      for (const it of n.items) {
        if (it == null) continue;
        items.push(this.node(it as YNode, depth, at));
      }
      return { kind: 'seq', items, flow: n.flow === true, start: s, end: blockEnd(n.flow === true, e, items) };
    }
    if (isMap(n)) return this.map(n.items, n.flow === true, depth, s, e, at);
    return { kind: 'scalar', value: null, start: s, end: e };
  }

  /**
   * A mapping's pairs, merges expanded: explicit keys win over merged ones wherever they stand, and
   * among merged ones the first source wins (`<<: [*a, *b]`: a before b), as eemeli/yaml resolves them.
   */
  private map(items: unknown[], flow: boolean, depth: number, s: number, e: number, at?: [number, number]): AstNode {
    const own: AstPair[] = [];
    const pairs: AstPair[] = [];
    const merges: Array<{ at: number; sources: AstPair[] }> = [];
    for (const p of items) {
      if (!isPair(p)) continue;
      if (isMergeKey(p.key)) {
        if (p.value != null) {
          const v = p.value as YNode;
          const sources = at ? this.mergeSources(v, depth, at) : this.expansion(() => this.mergeSources(v, depth, at), this.span(v), () => []);
          merges.push({ at: pairs.length, sources });
        }
        continue;
      }
      const key = this.key(p.key as YNode | null, s);
      const value = p.value == null ? null : this.node(p.value as YNode, depth, at);
      const pair = { key, value, start: key.start, end: value ? Math.max(value.end, key.end) : key.end };
      own.push(pair);
      pairs.push(pair);
    }
    if (merges.length) {
      const taken = new Set(own.map((p) => p.key.value));
      const inserts = merges.map((m) => {
        const add: AstPair[] = [];
        for (const p of m.sources) {
          if (taken.has(p.key.value)) continue;
          taken.add(p.key.value);
          add.push(p);
        }
        return { at: m.at, add };
      });
      // Inserted where each `<<` stood, the last first so that the earlier places stay valid.
      for (const m of inserts.reverse()) pairs.splice(m.at, 0, ...m.add);
    }
    // The block ends with its own last pair: merged pairs stand elsewhere in the text.
    return { kind: 'map', pairs, flow, start: s, end: blockEnd(flow, e, own) };
  }

  /** The pairs a `<<` brings in: of a mapping, an alias of one, or a list of those (in that order). */
  private mergeSources(v: YNode, depth: number, at?: [number, number]): AstPair[] {
    const target = isAlias(v) ? this.resolved(v, depth) : v;
    if (target === undefined) return [];
    if (isSeq(target)) return target.items.flatMap((it) => (it == null ? [] : this.mergeSources(it as YNode, depth + 1, at)));
    // Inside an alias's expansion everything stands at the alias; otherwise at the merged text itself.
    const node = this.node(target, depth + 1, at);
    if (node.kind !== 'map') {
      const [s, e] = at ?? this.span(v);
      this.problems.push({ start: s, end: e, message: t('syntax.mergeNotMapping'), severity: 'error' });
      return [];
    }
    return node.pairs;
  }

  /**
   * Runs an expansion that starts in the text itself (not inside another expansion). When the node
   * budget runs out anywhere inside it, its value is `spent()` and one error (the first) stands at it.
   */
  private expansion<T>(run: () => T, [s, e]: [number, number], spent: () => T): T {
    if (this.made > this.budget) return spent();
    try {
      return run();
    } catch (err) {
      if (err !== SPENT) throw err;
      if (!this.spentReported) {
        this.spentReported = true;
        this.problems.push({ start: s, end: e, message: aliasBombMessage(this.budget), severity: 'error' });
      }
      return spent();
    }
  }

  private span(n: YNode): [number, number] {
    const r = n.range;
    if (!r) return [this.base, this.base];
    return [r[0] + this.base, r[1] + this.base];
  }

  private key(k: YNode | null, fallback: number): AstScalar {
    if (k == null) return { kind: 'scalar', value: null, start: fallback, end: fallback };
    const [s, e] = this.span(k);
    if (isScalar(k)) {
      const v = scalarValue(k.value);
      return { kind: 'scalar', value: v === null ? null : String(v), start: s, end: e };
    }
    this.problems.push({ start: s, end: e, message: t('syntax.keyNotPlain'), severity: 'error' });
    return { kind: 'scalar', value: null, start: s, end: e };
  }

  private alias(a: Alias, depth: number, at?: [number, number]): AstNode {
    const [s, e] = at ?? this.span(a);
    const target = this.resolved(a, depth, at);
    if (!target) return { kind: 'scalar', value: null, start: s, end: e };
    // The alias's own position stands for every value it brings in.
    return this.node(target, depth + 1, [s, e]);
  }

  /** The node an alias names; undefined (and a problem) when it is unknown or aliases nest too deep. */
  private resolved(a: Alias, depth: number, at?: [number, number]): YNode | undefined {
    const target = depth < MAX_ALIAS_DEPTH ? this.targets.get(a) : undefined;
    if (!target) {
      const [s, e] = at ?? this.span(a);
      const id = `${s}:${e}:${a.source}`;
      if (this.reported.has(id)) return undefined;
      this.reported.add(id);
      this.problems.push({ start: s, end: e, message: t('syntax.unknownAlias', { alias: a.source }), severity: 'error' });
    }
    return target;
  }
}

/**
 * `<<` as a plain key is YAML 1.1's merge key; eemeli/yaml (with `merge: true`) gives its value as the
 * symbol `Symbol(<<)`. A quoted '<<' is an ordinary key, as eemeli resolves it.
 */
function isMergeKey(k: unknown): boolean {
  return isScalar(k) && typeof k.value === 'symbol' && k.value.description === '<<';
}

/**
 * A block collection ends where its last entry ends. eemeli's own end may run on over trailing
 * comments and the next line's indentation, which depends on what follows; this end does not, so a
 * chunk parsed alone and the whole file agree (and folding and hovers stop at the content).
 */
function blockEnd(flow: boolean, end: number, children: Array<{ end: number }>): number {
  if (flow || children.length === 0) return end;
  return children[children.length - 1]!.end;
}

function scalarValue(v: unknown): ScalarValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  // !!binary (a Buffer, which is a Uint8Array): its bytes read as UTF-8, as Buffer's toString did.
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return null; // the yaml library's schemas make no other scalar type
}

export type { AstMap };
