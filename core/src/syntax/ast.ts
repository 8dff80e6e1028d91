// A small, format-neutral syntax tree: what the core needs from YAML and JSON, with UTF-16 offsets
// into the whole document. YAML (eemeli/yaml) and JSON (jsonc-parser) trees are converted to it, so
// everything downstream is written once.
import { t } from '../i18n/t';

export interface Span {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
}

export type ScalarValue = string | number | boolean | null;

export interface AstScalar extends Span {
  kind: 'scalar';
  value: ScalarValue;
}

export interface AstPair extends Span {
  key: AstScalar;
  /** null where the key has no value at all (`key:` with nothing after it). */
  value: AstNode | null;
}

export interface AstMap extends Span {
  kind: 'map';
  pairs: AstPair[];
  /** true for `{...}` (flow) maps and JSON objects. */
  flow: boolean;
}

export interface AstSeq extends Span {
  kind: 'seq';
  items: AstNode[];
  flow: boolean;
}

export type AstNode = AstScalar | AstMap | AstSeq;

export interface SyntaxProblem extends Span {
  message: string;
  /** 'error' stops nothing downstream; the rest of the file is still checked. */
  severity: 'error' | 'warning';
  /** A line that reads as a key without its `:` (the analysis drops the reader's follow-on complaints). */
  missingColon?: true;
}

export interface ParsedTree {
  root: AstNode | null;
  problems: SyntaxProblem[];
}

/** A copy of `node` with every offset moved by `delta` (cached chunks are reused at new places). */
export function shiftNode<T extends AstNode>(node: T, delta: number): T {
  if (delta === 0) return node;
  switch (node.kind) {
    case 'scalar':
      return { ...node, start: node.start + delta, end: node.end + delta };
    case 'seq':
      return {
        ...node,
        start: node.start + delta,
        end: node.end + delta,
        items: node.items.map((i) => shiftNode(i, delta)),
      };
    case 'map':
      return {
        ...node,
        start: node.start + delta,
        end: node.end + delta,
        pairs: node.pairs.map((p) => shiftPair(p, delta)),
      };
  }
}

export function shiftPair(p: AstPair, delta: number): AstPair {
  return {
    start: p.start + delta,
    end: p.end + delta,
    key: shiftNode(p.key, delta),
    value: p.value ? shiftNode(p.value, delta) : null,
  };
}

export function shiftProblem(p: SyntaxProblem, delta: number): SyntaxProblem {
  return delta === 0 ? p : { ...p, start: p.start + delta, end: p.end + delta };
}

/** The pair whose key is `name`, the first one if the key is repeated. */
export function getPair(map: AstMap, name: string): AstPair | undefined {
  for (const p of map.pairs) if (p.key.value === name) return p;
  return undefined;
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** Human description of a node's kind, for "expected X, found Y" messages (a rendered message: a placeholder's value). */
export function describeNode(node: AstNode | null): string {
  if (!node) return t('syntax.nodeNothing');
  if (node.kind === 'map') return t('syntax.nodeMapping');
  if (node.kind === 'seq') return t('syntax.nodeList');
  const v = node.value;
  if (v === null) return t('syntax.nodeNull');
  if (typeof v === 'string') return t('syntax.nodeText', { text: v.length > 40 ? v.slice(0, 40) + '…' : v });
  if (typeof v === 'boolean') return t('syntax.nodeBoolean', { value: String(v) });
  return t('syntax.nodeNumber', { value: v });
}
