// What is drawn for a given set of collapsed groups: layers inside a collapsed block use become one
// node (its input and output shapes, its copy count); edges inside it disappear; edges across its
// border attach to it. Pure, so the CLI and the webview draw the same picture.
import type { GraphEdge, GraphGroup, GraphNode, ModelGraph, NodeStatus } from './types';

export type VisibleItem =
  | { kind: 'node'; id: string; node: GraphNode; parent?: string }
  | { kind: 'block'; id: string; group: GraphGroup; parent?: string; inputs: string[]; output: string; layers: number[]; status: NodeStatus };

export interface VisibleFrame {
  id: string;
  group: GraphGroup;
  parent?: string;
}

export interface VisibleEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  mismatch: boolean;
  /** The model edges this one stands for (several when it enters or leaves a collapsed block). */
  edges: string[];
}

export interface VisibleGraph {
  title: string;
  items: VisibleItem[];
  /** Expanded groups: frames around their members. */
  frames: VisibleFrame[];
  edges: VisibleEdge[];
}

export function visibleGraph(g: ModelGraph, collapsed: ReadonlySet<string>): VisibleGraph {
  const groups = new Map(g.groups.map((x) => [x.id, x]));
  /** The outermost collapsed group at or above `id` (undefined when none is collapsed). */
  const hiddenBy = new Map<string, string | undefined>();
  const chain = (id: string | undefined): string[] => {
    const out: string[] = [];
    for (let cur = id; cur !== undefined && out.length <= g.groups.length; cur = groups.get(cur)?.parent) {
      if (!groups.has(cur)) break;
      out.push(cur);
    }
    return out;
  };
  for (const x of g.groups) {
    const up = chain(x.id).filter((c) => collapsed.has(c));
    hiddenBy.set(x.id, up[up.length - 1]);
  }

  const rep = new Map<string, string>(); // node id → the visible item standing for it
  const items: VisibleItem[] = [];
  const blocks = new Map<string, Extract<VisibleItem, { kind: 'block' }>>();
  for (const x of g.groups) {
    if (hiddenBy.get(x.id) !== x.id) continue;
    const b: Extract<VisibleItem, { kind: 'block' }> = { kind: 'block', id: x.id, group: x, inputs: [], output: '?', layers: [], status: x.status };
    if (x.parent !== undefined) b.parent = x.parent;
    blocks.set(x.id, b);
    items.push(b);
  }
  const usedFrames = new Set<string>();
  for (const n of g.nodes) {
    const by = n.group !== undefined ? hiddenBy.get(n.group) : undefined;
    if (by !== undefined) {
      rep.set(n.id, by);
      blocks.get(by)?.layers.push(n.layer);
      continue;
    }
    rep.set(n.id, n.id);
    const item: VisibleItem = { kind: 'node', id: n.id, node: n };
    if (n.group !== undefined && groups.has(n.group)) {
      item.parent = n.group;
      for (const c of chain(n.group)) usedFrames.add(c);
    }
    items.push(item);
  }
  for (const b of blocks.values()) {
    b.output = g.nodes.find((n) => n.layer === b.group.outputLayer)?.output ?? '?';
    for (const c of chain(b.parent)) usedFrames.add(c);
  }
  const frames: VisibleFrame[] = g.groups
    .filter((x) => hiddenBy.get(x.id) === undefined && usedFrames.has(x.id))
    .map((x) => (x.parent !== undefined ? { id: x.id, group: x, parent: x.parent } : { id: x.id, group: x }));

  return { title: g.title, items, frames, edges: visibleEdges(g.edges, rep, blocks) };
}

function visibleEdges(edges: GraphEdge[], rep: Map<string, string>, blocks: Map<string, Extract<VisibleItem, { kind: 'block' }>>): VisibleEdge[] {
  const out = new Map<string, VisibleEdge>();
  for (const e of edges) {
    const from = rep.get(e.from);
    const to = rep.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}\u0000${e.label}`;
    const have = out.get(key);
    if (have) {
      have.edges.push(e.id);
      have.mismatch ||= e.mismatch;
      continue;
    }
    out.set(key, { id: e.id, from, to, label: e.label, mismatch: e.mismatch, edges: [e.id] });
    const into = blocks.get(to);
    if (into && !into.inputs.includes(e.label)) into.inputs.push(e.label);
  }
  return [...out.values()];
}

/** Every group, for "collapse all". */
export function allGroups(g: ModelGraph): Set<string> {
  return new Set(g.groups.map((x) => x.id));
}
