// Incremental JSON: when an edit falls inside one layer of a valid file, only that layer's text is
// parsed again and the layers after it are moved; anything else is parsed whole. jsonc-parser takes
// about 15 ms for a 5,000-layer file, too much for every keystroke; one layer takes microseconds.
import { shiftNode, shiftPair, type AstMap, type AstNode, type ParsedTree } from './ast';
import { parseJsonValue } from './jsonToAst';

export function reparseJsonEdit(prevText: string, prev: ParsedTree, text: string): ParsedTree | undefined {
  const root = prev.root;
  if (prev.problems.length || root?.kind !== 'map') return undefined;
  const layersIdx = root.pairs.findIndex((p) => p.key.value === 'layers');
  const layersPair = root.pairs[layersIdx];
  const seq = layersPair?.value;
  if (!layersPair || seq?.kind !== 'seq' || seq.items.length === 0) return undefined;

  // The changed region: [p, oldEnd) of the old text became [p, newEnd) of the new one.
  const min = Math.min(prevText.length, text.length);
  let p = 0;
  while (p < min && prevText.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && prevText.charCodeAt(prevText.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = prevText.length - s;
  const delta = text.length - prevText.length;
  if (p === prevText.length && delta === 0) return prev; // same text

  const i = itemContaining(seq.items, p, oldEnd);
  if (i < 0) return undefined;
  const item = seq.items[i]!;
  const fresh = parseJsonValue(text.slice(item.start, item.end + delta), item.start);
  if (!fresh) return undefined;

  const items: AstNode[] = seq.items.slice(0, i);
  items.push(fresh);
  for (let j = i + 1; j < seq.items.length; j++) items.push(shiftNode(seq.items[j]!, delta));
  const newSeq: AstNode = { ...seq, items, end: seq.end + delta };
  const pairs = root.pairs.map((pair, j) => (j < layersIdx ? pair : j === layersIdx ? { ...pair, value: newSeq, end: pair.end + delta } : shiftPair(pair, delta)));
  const map: AstMap = { ...root, pairs, end: root.end + delta };
  return { root: map, problems: [] };
}

/** The index of the item whose span holds [from, to], by binary search; -1 if none does. */
function itemContaining(items: AstNode[], from: number, to: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid]!;
    if (it.end < from) lo = mid + 1;
    else if (it.start > from) hi = mid - 1;
    else return it.start <= from && to <= it.end ? mid : -1;
  }
  return -1;
}
