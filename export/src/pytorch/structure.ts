// Where each layer's module lives so that state_dict() keys are exactly the format's weight keys:
// a layer with weights at its key (`layer1.0.conv1` → nested containers), a run of layers whose keys
// are `P.0`, `P.1`, ... and which is a plain chain → one nn.Sequential at P (torchvision's
// `features`), a parameterless layer at its own name if free, else under a short name of its type
// shared by identical modules (one `self.relu`, as torchvision writes it).
import { isPlainAttribute, variableName } from './python';
import type { PyLayer } from './layers';

export class ExportError extends Error {}

/** What the structure needs to know about a layer. */
export interface Placed {
  index: number;
  /** The weight-key prefix: the name, or the index as text. */
  key: string;
  named: boolean;
  type: string;
  py: PyLayer;
  weighted: boolean;
  /** The layers whose outputs it takes (-1: the module's input). */
  sources: number[];
  consumers: number[];
  /** Whether its inputs need a rank conversion (flatten before dense, [:, :, None, None] after). */
  glue: boolean;
}

export type Node =
  | { kind: 'leaf'; layer: Placed }
  | { kind: 'sequential'; layers: Placed[] }
  | { kind: 'container'; children: Map<string, Node> };

export interface Structure {
  root: Map<string, Node>;
  /** The root itself is one nn.Sequential of every layer. */
  rootSequential: boolean;
  /** Layer index → the path of the module that runs it (for a Sequential: the same path for each). */
  pathOf: Map<number, string[]>;
  /** Layer index → the Sequential run it belongs to (first..last layer index). */
  runOf: Map<number, { first: number; last: number }>;
}

const DIGITS = /^(0|[1-9][0-9]*)$/;

export function buildStructure(layers: Placed[]): Structure {
  const pathOf = new Map<number, string[]>();
  const runOf = new Map<number, { first: number; last: number }>();
  const root = new Map<string, Node>();
  const whole = chainRun(layers, '', 0, layers.length - 1);
  if (whole && layers.length > 0) {
    for (const l of layers) {
      pathOf.set(l.index, []);
      runOf.set(l.index, { first: 0, last: layers.length - 1 });
    }
    return { root, rootSequential: true, pathOf, runOf };
  }
  for (const l of layers) {
    if (l.weighted && l.key.split('.').some((s) => s === '')) {
      throw new ExportError(`layer ${l.index} ('${l.key}'): a weight key with an empty part between dots cannot name a PyTorch module`);
    }
  }
  const claimed = new Set<number>();
  for (const [prefix, run] of sequentialRuns(layers)) {
    const path = prefix.split('.');
    insert(root, path, { kind: 'sequential', layers: run }, run[0]!);
    for (const l of run) {
      claimed.add(l.index);
      pathOf.set(l.index, path);
      runOf.set(l.index, { first: run[0]!.index, last: run[run.length - 1]!.index });
    }
  }
  for (const l of layers) {
    if (claimed.has(l.index) || !l.weighted) continue;
    const path = l.key.split('.');
    insert(root, path, { kind: 'leaf', layer: l }, l);
    pathOf.set(l.index, path);
  }
  placeParameterless(layers.filter((l) => !claimed.has(l.index) && !l.weighted && l.py.module), root, pathOf);
  return { root: inLayerOrder(root), rootSequential: false, pathOf, runOf };
}

function firstIndex(node: Node): number {
  if (node.kind === 'leaf') return node.layer.index;
  if (node.kind === 'sequential') return node.layers[0]!.index;
  return Math.min(...[...node.children.values()].map(firstIndex));
}

/** Children in the order their first layer runs, so that __init__ reads like forward. */
function inLayerOrder(children: Map<string, Node>): Map<string, Node> {
  const sorted = [...children].sort((a, b) => firstIndex(a[1]) - firstIndex(b[1]));
  return new Map(sorted.map(([k, n]) => [k, n.kind === 'container' ? { kind: 'container', children: inLayerOrder(n.children) } : n]));
}

function insert(root: Map<string, Node>, path: string[], node: Node, l: Placed): void {
  let children = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    let next = children.get(seg);
    if (!next) {
      next = { kind: 'container', children: new Map() };
      children.set(seg, next);
    }
    if (next.kind !== 'container') throw conflict(l, path.slice(0, i + 1));
    children = next.children;
  }
  const last = path[path.length - 1]!;
  if (children.has(last)) throw conflict(l, path);
  children.set(last, node);
}

function conflict(l: Placed, path: string[]): ExportError {
  return new ExportError(
    `layer ${l.index} ('${l.key}'): '${path.join('.')}' is both a layer with weights and the prefix of other weight keys; PyTorch cannot give one module both`,
  );
}

/** The layers [first, last] form a plain chain keyed `prefix.0`, `prefix.1`, ... (or `0`, `1`, ... at the root). */
function chainRun(layers: Placed[], prefix: string, first: number, last: number): Placed[] | undefined {
  if (first < 0 || last >= layers.length || first > last) return undefined;
  const run = layers.slice(first, last + 1);
  for (let j = 0; j < run.length; j++) {
    const l = run[j]!;
    if (!l.py.module || l.glue || l.sources.length !== 1) return undefined;
    if (j > 0 && l.sources[0] !== l.index - 1) return undefined;
    if (prefix === '' && j === 0 && l.sources[0] !== -1) return undefined;
    if (l.weighted && l.key !== (prefix ? `${prefix}.${j}` : String(j))) return undefined;
    // Only the run's last output may be used outside it.
    if (j < run.length - 1 && l.consumers.some((c) => c !== l.index + 1)) return undefined;
  }
  return run;
}

/** Keys `P.<i>` whose layers form a chain at positions i: each P with its run. */
function sequentialRuns(layers: Placed[]): Map<string, Placed[]> {
  const byPrefix = new Map<string, Placed[]>();
  for (const l of layers) {
    if (!l.weighted) continue;
    const dot = l.key.lastIndexOf('.');
    if (dot <= 0 || !DIGITS.test(l.key.slice(dot + 1))) continue;
    const p = l.key.slice(0, dot);
    byPrefix.set(p, [...(byPrefix.get(p) ?? []), l]);
  }
  const runs = new Map<string, Placed[]>();
  const used = new Set<number>();
  for (const [prefix, group] of byPrefix) {
    // Every weight key under the prefix must be one of the run's direct children.
    if (layers.some((l) => l.weighted && l.key.startsWith(`${prefix}.`) && !group.includes(l))) continue;
    const f = group[0]!;
    const first = f.index - Number(f.key.slice(prefix.length + 1));
    let last = group[group.length - 1]!.index;
    // A parameterless layer named `P.<next>` (vgg's last maxpool, `features.30`) ends the run.
    while (layers[last + 1] && !layers[last + 1]!.weighted && layers[last + 1]!.key === `${prefix}.${last + 1 - first}`) last++;
    const run = chainRun(layers, prefix, first, last);
    if (!run || run.some((l) => used.has(l.index))) continue;
    for (const l of run) used.add(l.index);
    runs.set(prefix, run);
  }
  return runs;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { maxpool: 'maxpool', avgpool: 'avgpool', globalavgpool: 'avgpool', globalmaxpool: 'maxpool' };

function placeParameterless(layers: Placed[], root: Map<string, Node>, pathOf: Map<number, string[]>): void {
  // Named ones first, at their own name where it is a free attribute.
  const rest: Placed[] = [];
  for (const l of layers) {
    if (l.named && isPlainAttribute(l.key) && !root.has(l.key)) {
      root.set(l.key, { kind: 'leaf', layer: l });
      pathOf.set(l.index, [l.key]);
    } else rest.push(l);
  }
  // The others share one module per distinct constructor, named after the type (relu, relu_2, ...).
  const shared = new Map<string, string>();
  for (const l of rest) {
    const code = l.py.module!;
    let name = shared.get(code);
    if (!name) {
      const base = variableName(TYPE_NAMES[l.type] ?? l.type);
      name = base;
      for (let k = 2; root.has(name); k++) name = `${base}_${k}`;
      root.set(name, { kind: 'leaf', layer: l });
      shared.set(code, name);
    }
    pathOf.set(l.index, [name]);
  }
}
