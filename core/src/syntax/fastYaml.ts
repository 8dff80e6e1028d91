// A fast path for the plain block YAML that model files are made of: block mappings and sequences
// (with `- key: v` compact mappings), one-line flow collections and scalars, comments, blank lines,
// CRLF. It gives exactly the tree parseYaml (eemeli/yaml + yamlToAst.ts) gives, offsets included,
// at a fraction of the cost; anything else — anchors, tags, block scalars, multi-line scalars or
// flow collections, odd indentation, any syntax error — returns undefined and eemeli parses it
// (and reports its own errors). tests/core/fastYaml.test.ts proves the equality on random input.
import type { AstMap, AstNode, AstPair, AstScalar, AstSeq, ParsedTree } from './ast';
import { readFlow } from './fastYamlFlow';
import { DECLINE, decline, isBlankOrEnd, readScalar, toKey, type Cursor } from './fastYamlScalars';

// Tabs, control characters, BOM, Unicode line separators, a CR that is not part of CRLF, and lines
// opening with a document marker: all are places where YAML's rules get subtle.
const OUTSIDE_SUBSET = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)|^(?:---|\.\.\.)/m;

/** `parseYaml(text, base)`'s tree, or undefined where the text is not in the subset handled here. */
export function parseYamlFast(text: string, base: number): ParsedTree | undefined {
  try {
    return scanYamlFast(text, base);
  } catch {
    return undefined; // never fail here: eemeli/yaml parses what this path could not
  }
}

/** As parseYamlFast, but errors other than declining propagate (for tests). */
export function scanYamlFast(text: string, base: number): ParsedTree | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  try {
    return { root: new BlockParser(text, base).document(), problems: [] };
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;

/** Item `-` at p: a dash followed by a space, a line break or the end of the text. */
function isDash(t: string, p: number): boolean {
  return t.charCodeAt(p) === 45 && isBlankOrEnd(t.charCodeAt(p + 1));
}

class BlockParser {
  private readonly t: string;
  private readonly cur: Cursor;
  /** Offset of the first character of the next content line (after its indentation), -1 at the end. */
  private next = -1;
  /** Indentation (spaces) of that line. */
  private nextIndent = 0;

  constructor(text: string, base: number) {
    this.t = text;
    this.cur = { text, base, pos: 0 };
  }

  document(): AstNode {
    this.skipTrivia(0);
    if (this.next < 0) decline(); // empty document: eemeli's null root is not worth copying
    const root = this.blockNode(this.nextIndent);
    if (this.next >= 0) decline(); // content less indented than the root collection
    return root;
  }

  /** The block collection whose first line is the content line at this.next, at column n. */
  private blockNode(n: number): AstMap | AstSeq {
    if (isDash(this.t, this.next)) return this.blockSeq(n);
    this.cur.pos = this.next;
    const first = readScalar(this.cur, false);
    if (!this.colonAfter()) decline(); // a scalar on a line of its own (root scalar or multi-line value)
    return this.blockMap(n, toKey(first));
  }

  /** A block mapping at column n; `key` has just been read, with its `:` (cur.pos is past the `:`). */
  private blockMap(n: number, key: AstScalar): AstMap {
    const pairs: AstPair[] = [];
    for (;;) {
      const value = this.mapValue(n);
      pairs.push({ key, value, start: key.start, end: Math.max(value.end, key.end) });
      if (this.next < 0 || this.nextIndent < n) break;
      if (this.nextIndent > n || isDash(this.t, this.next)) decline();
      this.cur.pos = this.next;
      const k = readScalar(this.cur, false);
      if (!this.colonAfter()) decline();
      key = toKey(k);
    }
    return { kind: 'map', pairs, flow: false, start: pairs[0]!.start, end: pairs[pairs.length - 1]!.end };
  }

  /** The value after a mapping key's `:`: inline, on the following lines, or an empty (null) value. */
  private mapValue(n: number): AstNode {
    const t = this.t;
    let q = this.cur.pos;
    while (t.charCodeAt(q) === SPACE) q++;
    const c = t.charCodeAt(q);
    if (!(c === LF || c === CR || c === HASH || c !== c)) return this.inlineValue(q);
    this.lineEnd(this.cur.pos); // from the `:`, so that a comment there follows white space
    if (this.next >= 0) {
      const m = this.nextIndent;
      if (m > n) return this.blockNode(m);
      if (m === n && isDash(t, this.next)) return this.blockSeq(n); // `key:` then `- item` at the key's column
    }
    // eemeli places the empty value after the `:` and the spaces that follow it.
    return { kind: 'scalar', value: null, start: q + this.cur.base, end: q + this.cur.base };
  }

  /** A block sequence at column n, its first `-` at this.next. */
  private blockSeq(n: number): AstSeq {
    const t = this.t;
    const items: AstNode[] = [];
    const start = this.next;
    for (;;) {
      const p = this.next;
      if (t.charCodeAt(p + 1) !== SPACE) decline(); // `-` alone on its line: an empty item
      let q = p + 2;
      while (t.charCodeAt(q) === SPACE) q++;
      const c = t.charCodeAt(q);
      if (c === LF || c === CR || c === HASH || c !== c || isDash(t, q)) decline(); // empty item, `- - x`
      if (c === 123 || c === 91) items.push(this.inlineValue(q));
      else {
        this.cur.pos = q;
        const s = readScalar(this.cur, false);
        if (this.colonAfter()) items.push(this.blockMap(n + (q - p), toKey(s)));
        else {
          this.lineEnd(this.cur.pos);
          items.push(s);
        }
      }
      if (this.next < 0 || this.nextIndent < n) break;
      if (this.nextIndent > n) decline(); // a continuation line or odd indentation
      if (!isDash(t, this.next)) break; // the next key of a mapping at this column
    }
    return { kind: 'seq', items, flow: false, start: start + this.cur.base, end: items[items.length - 1]!.end };
  }

  /** A scalar or flow collection at q that must end its line. */
  private inlineValue(q: number): AstNode {
    this.cur.pos = q;
    const c = this.t.charCodeAt(q);
    const node = c === 123 || c === 91 ? readFlow(this.cur, 0) : readScalar(this.cur, false);
    this.lineEnd(this.cur.pos);
    return node;
  }

  /** After a scalar: spaces, then a `:` that makes it a key? If so cur.pos moves past the `:`. */
  private colonAfter(): boolean {
    const t = this.t;
    let i = this.cur.pos;
    while (t.charCodeAt(i) === SPACE) i++;
    if (t.charCodeAt(i) !== COLON || !isBlankOrEnd(t.charCodeAt(i + 1))) return false;
    this.cur.pos = i + 1;
    return true;
  }

  /** Rest of a line after its last node: spaces and a comment only; then finds the next content line. */
  private lineEnd(p: number): void {
    const t = this.t;
    let i = p;
    while (t.charCodeAt(i) === SPACE) i++;
    let c = t.charCodeAt(i);
    if (c === HASH) {
      if (i === p) decline(); // a comment must follow white space
      const nl = t.indexOf('\n', i);
      i = nl < 0 ? t.length : nl;
      c = t.charCodeAt(i);
    }
    if (c === CR) c = t.charCodeAt(++i); // CR is always followed by LF here (OUTSIDE_SUBSET)
    if (c === LF) i++;
    else if (c === c) decline(); // something else follows on the line
    this.skipTrivia(i);
  }

  /** From a line start, skips blank and comment lines; sets next/nextIndent. */
  private skipTrivia(lineStart: number): void {
    const t = this.t;
    const len = t.length;
    let p = lineStart;
    while (p < len) {
      let q = p;
      while (t.charCodeAt(q) === SPACE) q++;
      const c = t.charCodeAt(q);
      if (c === HASH || c === CR || c === LF) {
        const nl = t.indexOf('\n', q);
        p = nl < 0 ? len : nl + 1;
        continue;
      }
      if (q >= len) break;
      this.next = q;
      this.nextIndent = q - p;
      return;
    }
    this.next = -1;
  }
}
