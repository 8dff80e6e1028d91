// Flow collections for the fast YAML path: `{a: 1, b: [1, 2]}` and `[1, 2]` written on one line,
// with plain or quoted scalars and nested flow collections. Empty values, `? ` keys, pairs inside
// `[...]`, trailing commas, comments and line breaks inside the brackets all decline (eemeli parses).
import type { AstMap, AstNode, AstPair, AstSeq } from './ast';
import { decline, isFlowIndicator, readScalar, toKey, type Cursor } from './fastYamlScalars';

const MAX_DEPTH = 64;

/** Reads the flow collection opening at cur.pos; cur.pos ends just past its closing bracket. */
export function readFlow(cur: Cursor, depth: number): AstMap | AstSeq {
  if (depth > MAX_DEPTH) decline();
  const t = cur.text;
  const open = cur.pos;
  const isMap = t.charCodeAt(open) === 123; /* { */
  const close = isMap ? 125 : 93; /* } ] */
  const pairs: AstPair[] = [];
  const items: AstNode[] = [];
  cur.pos = open + 1;
  skipSpaces(cur);
  if (t.charCodeAt(cur.pos) !== close) {
    for (;;) {
      if (isMap) {
        const key = toKey(readScalar(cur, true));
        skipSpaces(cur);
        if (t.charCodeAt(cur.pos) !== 58 /* : */ || t.charCodeAt(cur.pos + 1) !== 32) decline();
        cur.pos += 2;
        skipSpaces(cur);
        const value = readValue(cur, depth);
        pairs.push({ key, value, start: key.start, end: Math.max(value.end, key.end) });
      } else {
        items.push(readValue(cur, depth));
      }
      skipSpaces(cur);
      const c = t.charCodeAt(cur.pos);
      if (c === close) break;
      if (c !== 44 /* , */) decline(); // also `:` (a pair in a sequence), `#`, end of line
      cur.pos++;
      skipSpaces(cur);
      if (t.charCodeAt(cur.pos) === close) decline(); // trailing comma
    }
  }
  cur.pos++;
  const start = open + cur.base;
  const end = cur.pos + cur.base;
  return isMap ? { kind: 'map', pairs, flow: true, start, end } : { kind: 'seq', items, flow: true, start, end };
}

function readValue(cur: Cursor, depth: number): AstNode {
  const c = cur.text.charCodeAt(cur.pos);
  if (c === 123 || c === 91) return readFlow(cur, depth + 1);
  if (isFlowIndicator(c)) decline(); // an empty entry
  return readScalar(cur, true);
}

function skipSpaces(cur: Cursor): void {
  const t = cur.text;
  while (t.charCodeAt(cur.pos) === 32) cur.pos++;
}
