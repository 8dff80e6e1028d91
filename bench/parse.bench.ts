// Parse benchmark: a generated 5,000-layer YAML model parsed cold by the chunked DocumentParser
// (with the fast path of syntax/fastYaml.ts), compared with eemeli/yaml alone, and re-parsed after a
// one-value edit in the middle by the same parser. Prints figures; asserts nothing but that the
// chunked tree is the one eemeli gives (timed tests are not tests).
// Run: node --import tsx bench/parse.bench.ts [layers]   (or bundled: node scripts/bench.mjs parse)
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { chunkLayers } from '../core/src/index';
import { DocumentParser } from '../core/src/index';
import { parseYamlFast } from '../core/src/index';
import { parseYaml } from '../core/src/index';

/** A model mixing the shapes real files have: conv mappings, bare names, flow maps, comments. */
function generateModel(layers: number): string {
  const out = ['# generated model 生成的模型 🧪', 'name: bench', 'input: 224x224x3', 'rounding: floor', 'layers:'];
  for (let i = 0; i < layers; i++) {
    const k = i % 8;
    if (k === 0) out.push('', `  # block ${i / 8} 😀`);
    if (k === 0 || k === 4) out.push(`  - type: conv  # 卷积 ${i}`, `    name: c${i}`, '    filters: 16', '    kernel: 3', '    stride: 1', '    padding: same');
    else if (k === 1 || k === 5) out.push('  - relu');
    else if (k === 2) out.push('  - {type: batchnorm, channels: 16, eps: 1e-5}');
    else if (k === 3) out.push('  - {type: maxpool, kernel: 2, stride: [2, 2]}  # 池化');
    else if (k === 6) out.push(`  - type: add`, `    inputs: [c${i - 6}, c${i - 2}]`);
    else out.push('  - type: dropout', '    rate: 0.1');
  }
  out.push('labels: [cat, dog]');
  return out.join('\n') + '\n';
}

function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `best ${s[0]!.toFixed(1)} ms, median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms`;
}

const layers = Number(process.argv[2] ?? 5000);
const text = generateModel(layers);
const chunks = chunkLayers(text);
if (!chunks) throw new Error('the generated model was not chunked');
const pieces = [text.slice(0, chunks.itemsStart), ...chunks.items.map(([s, e]) => text.slice(s, e)), text.slice(chunks.suffixStart)];
const declined = pieces.filter((p) => !parseYamlFast(p, 0)).length;
console.log(`${layers} layers, ${text.length} characters, ${pieces.length} pieces (${declined} declined by the fast path)`);

const firstMs = time(() => new DocumentParser().parse(text, 'yaml'));
console.log(`first parse in this process (JIT cold):      ${firstMs.toFixed(1)} ms`);

const cold: number[] = [];
for (let r = 0; r < 9; r++) cold.push(time(() => new DocumentParser().parse(text, 'yaml')));
console.log(`cold DocumentParser.parse (fresh parser):    ${stats(cold)}`);

const chunkOnly: number[] = [];
const fastOnly: number[] = [];
for (let r = 0; r < 9; r++) {
  chunkOnly.push(time(() => chunkLayers(text)));
  fastOnly.push(time(() => pieces.forEach((p) => parseYamlFast(p, 0))));
}
console.log(`  of which chunkLayers:                      ${stats(chunkOnly)}`);
console.log(`  of which parseYamlFast on every piece:     ${stats(fastOnly)}`);

const eemeliWhole: number[] = [];
const eemeliChunks: number[] = [];
for (let r = 0; r < 5; r++) {
  eemeliWhole.push(time(() => parseYaml(text, 0)));
  eemeliChunks.push(time(() => pieces.forEach((p) => parseYaml(p, 0))));
}
console.log(`eemeli/yaml, whole file (parseYaml):         ${stats(eemeliWhole)}`);
console.log(`eemeli/yaml, every piece (no fast path):     ${stats(eemeliChunks)}`);

// One-value edit in the middle, each time a new value so the chunk is really parsed again.
const parser = new DocumentParser();
parser.parse(text, 'yaml');
const at = text.indexOf('filters: 16', Math.floor(text.length / 2)) + 'filters: '.length;
const edits: number[] = [];
let reused = 0;
for (let r = 0; r < 15; r++) {
  const edited = text.slice(0, at) + String(17 + r) + text.slice(at + 2);
  edits.push(time(() => parser.parse(edited, 'yaml')));
  reused = parser.lastStats.reused;
  if (parser.lastStats.parsed !== 1) throw new Error(`edit re-parsed ${parser.lastStats.parsed} pieces`);
}
console.log(`re-parse after a one-value edit (same parser): ${stats(edits)} (${reused} pieces reused, 1 parsed)`);

const same = isDeepStrictEqual(new DocumentParser().parse(text, 'yaml'), parseYaml(text, 0));
console.log(`chunked tree equals eemeli's whole-file tree: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
