// The shapes of a layer as written. A layer at the top level has one result; a layer inside a block
// definition has one for each copy of each use of the block (the analysis lists every layer that
// runs, each pointing at the item it was written as); a block use has its copies' outputs.
import type { Analysis, LayerResult } from '../../../core/src/index';
import { fileNames, type Scope, type ScopeItem } from './scopes';

const cache = new WeakMap<Analysis, Map<number, LayerResult[]>>();

/** The results of every layer that runs from the item, in the order they run. */
export function resultsOf(a: Analysis, scope: Scope, item: ScopeItem): LayerResult[] {
  // Without blocks, the layers that run are the items, one for one: no map to build on each edit.
  if (scope.block === undefined && fileNames(a).blocks.size === 0 && a.layers.length === scope.items.length) {
    const r = a.layers[item.index];
    return r && r.decl.span.start === item.node.start ? [r] : [];
  }
  const node = item.node;
  let byItem = cache.get(a);
  if (!byItem) {
    byItem = new Map();
    for (const r of a.layers) {
      // A layer's `span` is its item's (a mapping or a bare name): items are told apart by where they start.
      const list = byItem.get(r.decl.span.start);
      if (list) list.push(r);
      else byItem.set(r.decl.span.start, [r]);
    }
    cache.set(a, byItem);
  }
  return byItem.get(node.start) ?? [];
}
