// The phases of one graph redraw after an edit on ResNet-50 (samples/v2/resnet50.cnn.yaml), as the
// language server and the webview run them: analysis, graph model, the message (JSON both ways),
// the collapsed view, the elkjs layout and the SVG text. Medians of several edits, each changing one
// layer's filters (labels and shapes change, the structure does not). The DOM update is measured in
// the page itself (its "drawn in" figure; the editor test prints it).
// Run: node scripts/bench.mjs graphEdit [--runs N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../core/src/index';
import { buildGraph, layoutGraph, renderSvg, visibleGraph } from '../server/src/graph/index';
import { GraphLayoutCache } from '../server/src/graph/layoutCache';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 8;
const file = join(__dirname, '..', '..', 'samples', 'v2', 'resnet50.cnn.yaml');
const text = readFileSync(file, 'utf8');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

async function main(): Promise<void> {
  const phases: Record<string, number[]> = { analyze: [], buildGraph: [], json: [], visible: [], layoutFresh: [], layoutCached: [], svg: [] };
  const cache = new GraphLayoutCache();
  // A warm-up: the first ELK run compiles its code.
  await layoutGraph(visibleGraph(buildGraph(analyze({ text, fileName: file }), 'r50'), new Set()));
  const at = text.indexOf('units: 1000') + 'units: '.length;
  for (let i = 0; i < RUNS; i++) {
    const edited = text.slice(0, at) + String(1000 + i * 7) + text.slice(at + 4);
    const [a, tA] = time(() => analyze({ text: edited, fileName: file }));
    const [g, tG] = time(() => buildGraph(a, 'r50'));
    const [msg, tJ] = time(() => JSON.parse(JSON.stringify({ graph: g })) as { graph: typeof g });
    const [v, tV] = time(() => visibleGraph(msg.graph, new Set()));
    const [fresh, tL] = await timeAsync(() => layoutGraph(v));
    if (i === 0) await cache.layout(v); // the previous keystroke's layout
    const [, tC] = await timeAsync(() => cache.layout(v));
    const [, tS] = time(() => renderSvg(fresh, { standalone: false }));
    phases.analyze!.push(tA); phases.buildGraph!.push(tG); phases.json!.push(tJ); phases.visible!.push(tV);
    phases.layoutFresh!.push(tL); phases.layoutCached!.push(tC); phases.svg!.push(tS);
  }
  const g = buildGraph(analyze({ text, fileName: file }), 'r50');
  console.log(`ResNet-50 v2: ${g.nodes.length - 1} layers, ${g.edges.length} edges, ${g.groups.length} groups, message ${Math.round(JSON.stringify(g).length / 1024)} KiB; median of ${RUNS} edits (ms):`);
  for (const [k, xs] of Object.entries(phases)) console.log(`  ${k.padEnd(13)} ${median(xs).toFixed(1).padStart(8)}   [${xs.map((x) => x.toFixed(0)).join(', ')}]`);
}

void main();
