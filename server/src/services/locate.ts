// Finding the key or value of a mapping pair under an offset. (Which layer an offset is in is found
// among the items as written: scopes.ts.)
import type { AstMap, AstPair } from '../../../core/src/index';

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
