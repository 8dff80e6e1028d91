// Layered top-to-bottom layout of a visible graph with elkjs (Sugiyama-style, compound nodes for
// expanded blocks), shared by the CLI and the webview so both draw the same picture.
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { boxSize, boxText, EDGE_LABEL_HEIGHT, labelWidth, type BoxText } from './labels';
import type { VisibleEdge, VisibleFrame, VisibleGraph, VisibleItem } from './visible';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedItem extends Box {
  item: VisibleItem;
  text: BoxText;
}

export interface PlacedFrame extends Box {
  frame: VisibleFrame;
}

export interface PlacedEdge {
  edge: VisibleEdge;
  /** The route, in absolute coordinates: start, bends, end. */
  points: Array<[number, number]>;
  label?: Box;
}

export interface GraphLayout {
  title: string;
  width: number;
  height: number;
  items: PlacedItem[];
  frames: PlacedFrame[];
  edges: PlacedEdge[];
}

const FRAME_TOP = 22;
const MARGIN = 12;

/** Beyond this many boxes, ELK's crossing minimisation is told to try less (the layout stays layered). */
const LARGE = 400;

function rootOptions(size: number): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': '28',
    'elk.spacing.nodeNode': '24',
    'elk.spacing.edgeLabel': '2',
    'elk.spacing.edgeNode': '12',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.thoroughness': size > LARGE ? '1' : '7',
    'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]`,
  };
}

let engine: ELK | undefined;

/** What ELK is given for a visible graph, and the text of each box (not given to ELK: it has the sizes). */
export interface ElkInput {
  root: ElkNode;
  texts: Map<string, BoxText>;
}

export async function layoutGraph(v: VisibleGraph): Promise<GraphLayout> {
  const input = elkInput(v);
  return collect(await runElk(input.root), v, input.texts);
}

export async function runElk(root: ElkNode): Promise<ElkNode> {
  // Loaded on the first layout: elkjs is 3.3 MB of JavaScript that every other CLI command would
  // otherwise compile at start (the CLI bundle leaves it out: scripts/build-config.mjs).
  if (!engine) {
    // A CommonJS module: its export is the default of the dynamic import (as esbuild and Node give it).
    const { default: Elk } = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: new () => ELK };
    engine = new Elk();
  }
  return engine.layout(root);
}

export function elkInput(v: VisibleGraph): ElkInput {
  const texts = new Map<string, BoxText>();
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: rootOptions(v.items.length), children: [], edges: [] };
  const parentOf = new Map<string, string | undefined>();
  for (const f of v.frames) {
    elkNodes.set(f.id, { id: f.id, children: [], edges: [], layoutOptions: { 'elk.padding': `[top=${FRAME_TOP},left=10,bottom=10,right=10]` } });
    parentOf.set(f.id, f.parent);
  }
  for (const it of v.items) {
    const t = boxText(it);
    texts.set(it.id, t);
    elkNodes.set(it.id, { id: it.id, ...boxSize(t) });
    parentOf.set(it.id, it.parent);
  }
  const containerOf = (id: string | undefined) => (id !== undefined ? elkNodes.get(id) : undefined) ?? root;
  for (const f of v.frames) containerOf(f.parent).children!.push(elkNodes.get(f.id)!);
  for (const it of v.items) containerOf(it.parent).children!.push(elkNodes.get(it.id)!);

  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(id); p !== undefined && out.length <= v.frames.length; p = parentOf.get(p)) out.push(p);
    return out;
  };
  for (const e of v.edges) {
    // ELK wants an edge in the lowest common ancestor of its ends; its coordinates are relative to it.
    const up = new Set(ancestors(e.from));
    const lca = ancestors(e.to).find((a) => up.has(a));
    const edge: ElkExtendedEdge = { id: e.id, sources: [e.from], targets: [e.to], labels: [{ id: `${e.id}:l`, text: e.label, width: labelWidth(e.label), height: EDGE_LABEL_HEIGHT }] };
    containerOf(lca).edges!.push(edge);
  }
  return { root, texts };
}

/** Boxes placed by ELK (`out`) → the layout of `v`, whose ids and sizes are the ones ELK was given. */
export function collect(out: ElkNode, v: VisibleGraph, texts: Map<string, BoxText>): GraphLayout {
  const items = new Map(v.items.map((i) => [i.id, i]));
  const frames = new Map(v.frames.map((f) => [f.id, f]));
  const edges = new Map(v.edges.map((e) => [e.id, e]));
  const result: GraphLayout = { title: v.title, width: out.width ?? 0, height: out.height ?? 0, items: [], frames: [], edges: [] };
  const absolute = new Map<string, [number, number]>([['__root', [0, 0]]]);
  // Breadth-first over the nested nodes; children are relative to their parent.
  const queue: Array<[ElkNode, number, number]> = [[out, 0, 0]];
  for (let qi = 0; qi < queue.length; qi++) {
    const [node, ox, oy] = queue[qi]!;
    absolute.set(node.id, [ox, oy]);
    for (const c of node.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      const box = { x, y, width: c.width ?? 0, height: c.height ?? 0 };
      const it = items.get(c.id);
      const f = frames.get(c.id);
      if (it) result.items.push({ ...box, item: it, text: texts.get(c.id)! });
      else if (f) result.frames.push({ ...box, frame: f });
      queue.push([c, x, y]);
    }
  }
  for (const [node] of queue) {
    for (const e of (node.edges ?? []) as Array<ElkExtendedEdge & { container?: string }>) {
      const ve = edges.get(e.id);
      if (!ve) continue;
      const [ox, oy] = absolute.get(e.container ?? node.id) ?? [0, 0];
      const points: Array<[number, number]> = [];
      for (const s of e.sections ?? []) {
        points.push([ox + s.startPoint.x, oy + s.startPoint.y]);
        for (const b of s.bendPoints ?? []) points.push([ox + b.x, oy + b.y]);
        points.push([ox + s.endPoint.x, oy + s.endPoint.y]);
      }
      const l = e.labels?.[0];
      const placed: PlacedEdge = { edge: ve, points };
      if (l && l.x !== undefined && l.y !== undefined) placed.label = { x: ox + l.x, y: oy + l.y, width: l.width ?? 0, height: l.height ?? 0 };
      result.edges.push(placed);
    }
  }
  // Frames first, so that boxes are drawn over them; then in model order.
  result.frames.sort((a, b) => depth(a.frame, frames) - depth(b.frame, frames));
  return result;
}

function depth(f: VisibleFrame, frames: Map<string, VisibleFrame>): number {
  let d = 0;
  for (let p = f.parent; p !== undefined && d <= frames.size; p = frames.get(p)?.parent) d++;
  return d;
}
