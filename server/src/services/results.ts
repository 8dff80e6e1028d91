// The shapes of a layer as written. A layer at the top level has one result; a layer inside a block
// definition has one for each copy of each use of the block (the analysis lists every layer that
// runs, each pointing at the item it was written as); a block use has its copies' outputs.
import type { Analysis, BlockUse, LayerResult, Shape } from '../../../core/src/index';
import { fileNames, type Scope, type ScopeItem } from './scopes';
import { inputsLabel } from './shapes';

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

/** One run of a layer as written: a layer of one copy of a block, or one copy of a block use. */
export interface Run {
  /** The full name: `layer1.0.conv1`, or the copy's `layer1.0`. */
  name: string;
  /** Its input shapes as text (computed when asked: hints need only outputs). */
  inputs: () => string;
  output: Shape | null;
  /** The output is a best guess after an error (see LayerResult.estimated). */
  estimated: boolean;
  params: number;
}

/** Every run of the item: the layers that run from it, or for a block use its copies. */
export function runsOf(a: Analysis, scope: Scope, item: ScopeItem): Run[] {
  const net = a.model.input?.value;
  const copies = usesAt(a).get(item.node.start);
  if (copies) {
    return copies.map((c) => {
      let params = 0;
      for (let i = c.first; i < c.end; i++) params += a.layers[i]?.params ?? 0;
      const first = a.layers[c.first];
      const out = a.layers[c.output];
      return { name: c.copy.use, inputs: () => (first ? inputsLabel(first, net) : '?'), output: out?.output ?? null, estimated: out?.estimated ?? false, params };
    });
  }
  return resultsOf(a, scope, item).map((r) => ({ name: r.decl.id, inputs: () => inputsLabel(r, net), output: r.output, estimated: r.estimated, params: r.params }));
}

type Copies = BlockUse['copies'];

const usesCache = new WeakMap<Analysis, Map<number, Copies>>();

/** The copies of each block use, by where the use is written (a use inside a block: every copy of it). */
function usesAt(a: Analysis): Map<number, Copies> {
  let m = usesCache.get(a);
  if (!m) {
    m = new Map();
    const uses = a.model.blocks?.uses ?? [];
    for (const u of uses) {
      const list = m.get(u.span.start);
      if (list) list.push(...u.copies);
      else m.set(u.span.start, [...u.copies]);
    }
    usesCache.set(a, m);
  }
  return m;
}
