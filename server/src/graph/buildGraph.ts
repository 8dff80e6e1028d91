// The core's analysis → the model graph: a node per layer (and the input), an edge per input of each
// layer labelled with the shape it carries, problems on the nodes, block uses as nested groups.
import { shapeLabel, type Analysis, type BlockCopy, type CoreDiagnostic, type LayerResult } from '../../../core/src/index';
import { keyParams } from './keyParams';
import type { GraphEdge, GraphGroup, GraphNode, ModelGraph, NodeStatus } from './types';

export const INPUT_NODE = 'input';
const MISMATCH_CODES = new Set(['channel-mismatch', 'shape-mismatch']);

export function nodeId(layer: number): string {
  return layer < 0 ? INPUT_NODE : `L${layer}`;
}

export function groupId(fullName: string): string {
  return `G:${fullName}`;
}

export function buildGraph(analysis: Analysis, title: string): ModelGraph {
  const layers = analysis.layers;
  const byLayer = diagnosticsByLayer(analysis);
  const input = analysis.model.input;
  const nodes: GraphNode[] = [{
    id: INPUT_NODE, layer: -1, type: 'input', name: 'input', detail: '', output: shapeLabel(input?.value),
    status: 'ok', nonWhole: false, messages: [], isOutput: false, span: spanOf(input?.span),
  }];
  const edges: GraphEdge[] = [];
  for (const r of layers) {
    const node = layerNode(r, byLayer.get(r.decl.index) ?? [], r.decl.index === layers.length - 1);
    nodes.push(node);
    r.sources.forEach((src, port) => {
      const shape = r.inputShapes[port] ?? (src < 0 ? input?.value : layers[src]?.output);
      edges.push({ id: `E${r.decl.index}.${port}`, from: nodeId(src), to: node.id, label: shapeLabel(shape), port, mismatch: node.mismatch !== undefined });
    });
  }
  const groups = blockGroups(analysis);
  markGroupStatus(nodes, groups);
  return { title, nodes, edges, groups };
}

function layerNode(r: LayerResult, diags: CoreDiagnostic[], isOutput: boolean): GraphNode {
  const d = r.decl;
  const status: NodeStatus = diags.some((x) => x.severity === 'error') ? 'error' : diags.some((x) => x.severity === 'warning') ? 'warning' : 'ok';
  const node: GraphNode = {
    id: nodeId(d.index), layer: d.index, type: d.type || '?', name: d.id, detail: d.usable ? keyParams(d) : '',
    output: shapeLabel(r.output), status, nonWhole: diags.some((x) => x.code === 'non-integer-output'),
    messages: diags.map((x) => ({ severity: x.severity, message: x.message })), isOutput, span: spanOf(d.typeSpan),
  };
  if (d.block) node.group = groupId(d.block.use);
  if (diags.some((x) => MISMATCH_CODES.has(x.code)) && r.inputShapes.length > 1) node.mismatch = r.inputShapes.map(shapeLabel);
  return node;
}

function diagnosticsByLayer(analysis: Analysis): Map<number, CoreDiagnostic[]> {
  const m = new Map<number, CoreDiagnostic[]>();
  const add = (i: number, d: CoreDiagnostic) => {
    const list = m.get(i);
    if (list) list.push(d);
    else m.set(i, [d]);
  };
  const inBlocks: CoreDiagnostic[] = [];
  for (const d of analysis.diagnostics) {
    if (d.layerIndex !== undefined) add(d.layerIndex, d);
    else if (d.severity === 'error') inBlocks.push(d);
  }
  // The core reports a mistake inside a block once for all the copies that make it (one layerIndex at
  // most): a copy without a shape whose definition item holds the error shows it too.
  const bySpan = [...analysis.diagnostics.filter((d) => d.severity === 'error' && d.layerIndex !== undefined), ...inBlocks];
  if (!analysis.model.blocks || bySpan.length === 0) return m;
  for (const r of analysis.layers) {
    const d = r.decl;
    if (!d.block || r.output) continue;
    const mine = m.get(d.index) ?? [];
    for (const x of bySpan) if (x.span.start >= d.span.start && x.span.end <= d.span.end && !mine.includes(x)) add(d.index, x);
  }
  return m;
}

/** One group per block use; a use with `repeat` also has one group per copy inside it. */
function blockGroups(analysis: Analysis): GraphGroup[] {
  const uses = analysis.model.blocks?.uses ?? [];
  const groups: GraphGroup[] = [];
  const seen = new Set<string>();
  const add = (g: GraphGroup) => {
    if (seen.has(g.id)) return; // a duplicate name (reported by the core): the first one keeps it
    seen.add(g.id);
    groups.push(g);
  };
  for (const use of uses) {
    const last = use.copies[use.copies.length - 1];
    if (!last) continue; // a use with errors made no copies: its layers do not exist
    const parent = use.outer ? { parent: groupId(use.outer.use) } : {};
    const span = spanOf(use.typeSpan);
    add({ id: groupId(use.id), name: use.id, definition: use.definition, copies: use.copies.length, kind: 'use', outputLayer: last.output, status: 'ok', span, ...parent });
    for (const c of use.copies) {
      if (!isRepeatedCopy(c.copy) || c.copy.use === use.id) continue;
      add({ id: groupId(c.copy.use), name: c.copy.use, definition: use.definition, copies: 1, kind: 'copy', parent: groupId(use.id), outputLayer: c.output, status: 'ok', span });
    }
  }
  return groups;
}

/** Only the offsets: core spans may be syntax nodes with more in them. */
function spanOf(s: { start: number; end: number } | undefined): { start: number; end: number } {
  return s ? { start: s.start, end: s.end } : { start: 0, end: 0 };
}

function isRepeatedCopy(c: BlockCopy): boolean {
  return c.repeated;
}

/** A group is as bad as the worst layer in it, so that a collapsed block still shows its errors. */
function markGroupStatus(nodes: GraphNode[], groups: GraphGroup[]): void {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const rank: Record<NodeStatus, number> = { ok: 0, warning: 1, error: 2 };
  for (const n of nodes) {
    if (n.status === 'ok') continue;
    let g = n.group ? byId.get(n.group) : undefined;
    // Each step goes to a parent made earlier in `groups`; a bound on the steps still guards against a loop.
    for (let steps = 0; g && steps <= groups.length; steps++) {
      if (rank[n.status] > rank[g.status]) g.status = n.status;
      g = g.parent ? byId.get(g.parent) : undefined;
    }
  }
}
