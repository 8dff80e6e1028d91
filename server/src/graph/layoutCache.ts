// The live view's layout cache. Most keystrokes change what boxes and labels say (a shape, a
// parameter, an error) but not the graph's structure: the same boxes with the same sizes, the same
// edges, the same groups expanded. ELK's answer depends on nothing else, so the previous answer is
// reused with the new texts and only a structural change runs ELK again (0.5-1 s on ResNet-50).
import type { ElkNode } from 'elkjs/lib/elk-api';
import { collect, elkInput, runElk, type GraphLayout } from './layout';
import type { VisibleGraph } from './visible';

/**
 * Everything ELK is given but the labels' text, as one string: ids, nesting, sizes, edges and their
 * label sizes, options. (ELK places only labels that have a text, but the text itself changes nothing.)
 */
export function structureKey(root: ElkNode): string {
  return JSON.stringify(root, (k, v: unknown) => (k === 'text' ? undefined : v));
}

export class GraphLayoutCache {
  private last: { key: string; out: ElkNode } | undefined;
  /** Layouts answered from the cache and by ELK (for tests and the page's status line). */
  hits = 0;
  misses = 0;

  async layout(v: VisibleGraph): Promise<GraphLayout> {
    const input = elkInput(v);
    const key = structureKey(input.root);
    const last = this.last;
    if (last && last.key === key) {
      this.hits++;
      return collect(last.out, v, input.texts);
    }
    this.misses++;
    const out = await runElk(input.root);
    this.last = { key, out };
    return collect(out, v, input.texts);
  }
}
