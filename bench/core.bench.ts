// Core benchmark: analysis of generated models of 100 to 20,000 layers, cold (a new analyzer, no
// cache); after a one-value edit while typing (the same analyzer, edit after edit: "edit"), and the
// first edit right after opening (which also pays for collecting the cold analysis's garbage: "first
// edit"); plus shape inference and diagnostics alone. Prints figures; asserts nothing (timed tests are not tests).
// Run: npm run bench   (node --import tsx bench/core.bench.ts [--quick])
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ModelAnalyzer } from '../core/src/index';
import { readModel } from '../core/src/index';
import { inferShapes } from '../core/src/index';
import { DocumentParser } from '../core/src/index';
import { densenet121, densenet121Flat, repeatedBlockFlat, repeatedBlockModel } from './blockModels';

export function generateModel(layers: number): string {
  const out = ['name: generated # 生成的模型 🧪', 'input: 224x224x3', 'rounding: floor', 'layers:'];
  let i = 0;
  while (i < layers) {
    const k = i % 6;
    if (k === 0) out.push(`  - type: conv # block ${i}`, `    name: c${i}`, '    filters: 16', '    kernel: 3', '    padding: 1');
    else if (k === 1) out.push('  - relu');
    else if (k === 2) out.push('  - {type: batchnorm, channels: 16}');
    else if (k === 3) out.push(`  - {type: conv, filters: 16, kernel: [3, 3], padding: same}`);
    else if (k === 4) out.push(`  - {type: add, inputs: [c${i - 4}, ${i - 1}]}`);
    else out.push('  - {type: dropout, rate: 0.1}');
    i++;
  }
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

const quick = process.argv.includes('--quick');
const sizes = quick ? [100, 1000] : [100, 1000, 5000, 20000];
const reps = quick ? 3 : 15;
const rows: string[][] = [];

// The very first analysis in a fresh process (JIT cold), on the 5,000-layer model.
const firstLayers = sizes.includes(5000) ? 5000 : sizes[sizes.length - 1]!;
const firstText = generateModel(firstLayers);
const firstMs = time(() => new ModelAnalyzer('yaml').analyze({ text: firstText }));

for (const n of sizes) {
  const text = generateModel(n);
  const cold: number[] = [];
  const inferOnly: number[] = [];
  const edit: number[] = [];
  const firstEdit: number[] = [];
  let heap = 0;
  // A one-value edit in the middle: `filters: 16` of one conv becomes another number.
  const at = text.indexOf('filters: 16', Math.floor(text.length / 2));
  const edited = (v: number) => text.slice(0, at) + `filters: ${v}` + text.slice(at + 'filters: 16'.length);
  for (let r = 0; r < reps; r++) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const analyzer = new ModelAnalyzer('yaml');
    cold.push(time(() => analyzer.analyze({ text })));
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    firstEdit.push(time(() => analyzer.analyze({ text: edited(17 + r) })));
  }
  // Typing: one analyzer, edit after edit (a few first to settle), as the language server sees it.
  const typing = new ModelAnalyzer('yaml');
  typing.analyze({ text });
  for (let r = 0; r < 5 + reps; r++) {
    const ms = time(() => typing.analyze({ text: edited(20 + (r % 70)) }));
    if (r >= 5) edit.push(ms);
  }
  const tree = new DocumentParser().parse(text, 'yaml');
  for (let r = 0; r < reps; r++) {
    inferOnly.push(time(() => inferShapes(readModel(tree.root).model)));
  }
  const fmt = (xs: number[], d: number) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)})`;
  rows.push([String(n), `${(text.length / 1024).toFixed(0)} KiB`, fmt(cold, 1), fmt(inferOnly, 2), fmt(edit, 2), fmt(firstEdit, 2), `${(heap / 1048576).toFixed(1)} MiB`]);
}

const head = ['layers', 'file', 'cold ms', 'infer+diag ms', 'edit ms', 'first edit ms', 'heap'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (r: string[]) => r.map((x, c) => x.padStart(widths[c]!)).join('  ');
console.log(`core analysis, median (best) of ${reps} (node ${process.version}, ${cpus().length} cores)`);
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`first analysis in a fresh process (JIT cold), ${firstLayers} layers: ${firstMs.toFixed(1)} ms`);
console.log('targets at 5,000 layers: cold < 100 ms, infer+diag < 5 ms, edit < 20 ms; growth should be linear');

// Blocks (format v2): cold analysis and a one-value edit on block-heavy files, beside the flat file of
// the same expanded layers. The edit changes a value every copy uses (the block's) or, in the flat file,
// one layer's; DenseNet's edit is the classifier's units in both.
function blockRow(label: string, text: string, needle: string, replacement: (r: number) => string): string[] {
  const at = text.indexOf(needle, needle.startsWith('units') ? 0 : Math.floor(text.length / 2));
  const edited = (r: number) => text.slice(0, at) + replacement(r) + text.slice(at + needle.length);
  const cold: number[] = [];
  let layers = 0;
  for (let r = 0; r < reps; r++) {
    global.gc?.();
    const a = new ModelAnalyzer('yaml');
    cold.push(time(() => (layers = a.analyze({ text }).layers.length)));
  }
  const typing = new ModelAnalyzer('yaml');
  typing.analyze({ text });
  const edit: number[] = [];
  for (let r = 0; r < 5 + reps; r++) {
    const ms = time(() => typing.analyze({ text: edited(r) }));
    if (r >= 5) edit.push(ms);
  }
  const fmt = (xs: number[]) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)})`;
  return [label, String(layers), `${(text.length / 1024).toFixed(0)} KiB`, fmt(cold), fmt(edit)];
}

const copies = quick ? 200 : 1000;
const rate = (r: number) => `rate: 0.${(r % 8) + 1}`;
const units = (r: number) => `units: ${990 + (r % 9)}`;
const blockRows = [
  blockRow(`repeat ${copies} (blocks)`, repeatedBlockModel(copies), 'rate: 0.1', rate),
  blockRow(`repeat ${copies} (flat)`, repeatedBlockFlat(copies), 'rate: 0.1', rate),
  blockRow('DenseNet-121 (blocks)', densenet121(), 'units: 1000', units),
  blockRow('DenseNet-121 (flat)', densenet121Flat(), 'units: 1000', units),
];
const bhead = ['model', 'layers', 'file', 'cold ms', 'edit ms'];
const bw = bhead.map((h, c) => Math.max(h.length, ...blockRows.map((r) => r[c]!.length)));
console.log(`\nblocks, median (best) of ${reps}: expanded layers; the flat file has the same layers written out`);
console.log(bhead.map((x, c) => x.padStart(bw[c]!)).join('  '));
for (const r of blockRows) console.log(r.map((x, c) => x.padStart(bw[c]!)).join('  '));
