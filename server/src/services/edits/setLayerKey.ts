// Sets `key: value` in a layer's mapping: replaces the value where the key is written, or adds the
// pair after `kernel` (or `type`) in the mapping's own style: a new line at the keys' indentation
// in a YAML block map, `, key: value` in a flow map or JSON object (on its own line where the
// object is written one pair a line).
import type { SourceKind } from '../../../../core/src/index';
import { getPair, type AstMap, type AstPair } from '../../../../core/src/index';
import { lineBreakAt, lineEndAt, lineStartAt } from '../ranges';
import type { OffsetEdit } from './offsetEdit';

export function setLayerKey(text: string, kind: SourceKind, map: AstMap, key: string, value: string): OffsetEdit | undefined {
  const keyText = kind === 'json' ? JSON.stringify(key) : key;
  // Pairs brought in by a YAML merge key (`<<: *base`) sit elsewhere: editing them would change
  // every layer that shares the base, so only the layer's own pairs are touched.
  const own = (p: AstPair | undefined) => (p && p.start >= map.start && p.end <= map.end ? p : undefined);
  const existing = getPair(map, key);
  if (existing && !own(existing)) return undefined;
  if (existing) {
    if (existing.value) return { start: existing.value.start, end: existing.value.end, newText: value };
    const colon = text.indexOf(':', existing.key.end);
    const end = colon >= 0 && colon < lineEndAt(text, existing.key.end) ? colon + 1 : existing.key.end;
    return { start: existing.key.start, end, newText: `${text.slice(existing.key.start, existing.key.end)}: ${value}` };
  }
  const ownPairs = map.pairs.filter((p) => own(p));
  const anchor = own(getPair(map, 'kernel')) ?? own(getPair(map, 'type')) ?? ownPairs[ownPairs.length - 1];
  if (!anchor) return undefined;
  const pairText = `${keyText}: ${value}`;
  if (!map.flow) {
    const at = lineEndAt(text, anchor.end);
    return { start: at, end: at, newText: `${lineBreakAt(text, at)}${indentOf(text, anchor)}${pairText}` };
  }
  // Flow map or JSON object: after the anchor pair, before whatever follows it.
  const after = anchor.end;
  const nextStart = ownPairs[ownPairs.indexOf(anchor) + 1]?.start ?? map.end - 1;
  const between = text.slice(after, nextStart);
  const indent = text.slice(lineStartAt(text, anchor.start), anchor.start);
  if (between.includes('\n') && /^[ \t]*$/.test(indent)) {
    return { start: after, end: after, newText: `,${lineBreakAt(text, after)}${indent}${pairText}` };
  }
  return { start: after, end: after, newText: `, ${pairText}` };
}

/** The keys' column as spaces: `  - type:` gives four spaces. */
function indentOf(text: string, pair: AstPair): string {
  return text.slice(lineStartAt(text, pair.key.start), pair.key.start).replace(/[^\t]/g, ' ');
}
