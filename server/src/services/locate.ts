// Finding what is under an offset: the layer (by binary search over the ordered layer spans) and
// the key or value of one of its mapping pairs.
import type { Analysis } from '../../../core/src/index';
import type { AstMap, AstPair } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';

/** Index of the last layer that starts at or before `offset`, or -1. */
export function lastLayerStartingBefore(a: Analysis, offset: number): number {
  let lo = 0;
  let hi = a.layers.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.layers[mid]!.decl.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The layer whose item contains `offset` (ends inclusive: a cursor just after a word is on it). */
export function layerAt(a: Analysis, offset: number): LayerResult | undefined {
  const i = lastLayerStartingBefore(a, offset);
  const r = i >= 0 ? a.layers[i] : undefined;
  return r && offset <= r.decl.span.end ? r : undefined;
}

/** Index of the first layer whose item ends at or after `offset`. */
export function firstLayerEndingAfter(a: Analysis, offset: number): number {
  let lo = 0;
  let hi = a.layers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.layers[mid]!.decl.span.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type PairHit = { pair: AstPair; on: 'key' | 'value' };

/** The pair of `map` whose key or value holds `offset`. */
export function pairAt(map: AstMap | undefined, offset: number): PairHit | undefined {
  if (!map) return undefined;
  for (const pair of map.pairs) {
    if (offset >= pair.key.start && offset <= pair.key.end) return { pair, on: 'key' };
    if (pair.value && offset >= pair.value.start && offset <= pair.value.end) return { pair, on: 'value' };
  }
  return undefined;
}
