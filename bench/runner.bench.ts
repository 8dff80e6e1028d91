// Runner benchmark: per-image time of LeNet-5 (32×32), a small VGG (64×64) and ResNet-18 (224×224,
// rounding: floor, shortcuts via add) with He-initialised weights, batch 1. For each: the first result
// (session creation + first run, after the graph is built) and the steady-state median, for
//   native       onnxruntime-node in this thread; the graph exposes every layer's output and the run
//                fetches the last one (what `cnnshape run` does for each image after the first)
//   native/all   the same, fetching every layer's output (the first image; feature maps)
//   native/last  a graph with only the last output (onnxruntime may fuse across layers)
//   worker       as `native`, through the worker thread (messages, copies)
//   wasm         as `native` with onnxruntime-web (WebAssembly)
// Then, at scale: `cnnshape run` on 100 224×224 PNGs beside bench/pytorch_folder.py doing the same job
// in PyTorch (both timed as whole processes: the ratio the issue's 0.7× target is about), and the peak
// memory of runs of 100, 1,000 and 10,000 images.
// Prints a table; asserts nothing. Run: npm run bench:runner [-- --quick] [-- --no-wasm]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, type Analysis } from '../core/src/index';
import { RunnerEngine } from '../runner/src/engine/client';
import { createEngineSession, type EngineOptions } from '../runner/src/engine/session';
import { buildGraph } from '../runner/src/onnx/buildGraph';
import { encodeModel } from '../runner/src/onnx/proto';
import { resolveParameters } from '../runner/src/weights/resolve';
import { cliRun, imageFolder, phases, type CliRun } from './runnerScale';

const quick = process.argv.includes('--quick');
const noWasm = process.argv.includes('--no-wasm');
const root = resolve(__dirname.includes('out') ? join(__dirname, '../..') : join(__dirname, '..'));

const SMALL_VGG = `name: small VGG
input: 64x64x3
layers:
  - {type: conv, filters: 32, kernel: 3, padding: 1}
  - relu
  - {type: conv, filters: 32, kernel: 3, padding: 1}
  - relu
  - {type: maxpool, kernel: 2}
  - {type: conv, filters: 64, kernel: 3, padding: 1}
  - relu
  - {type: conv, filters: 64, kernel: 3, padding: 1}
  - relu
  - {type: maxpool, kernel: 2}
  - {type: conv, filters: 128, kernel: 3, padding: 1}
  - relu
  - {type: conv, filters: 128, kernel: 3, padding: 1}
  - relu
  - {type: maxpool, kernel: 2}
  - flatten
  - {type: dense, units: 256}
  - relu
  - {type: dense, units: 10}
  - softmax
`;

interface Case {
  name: string;
  file: string;
  text: string;
  runs: number;
}

const cases: Case[] = [
  { name: 'LeNet-5 32×32', file: join(root, 'samples/lenet5.cnn.yaml'), text: readFileSync(join(root, 'samples/lenet5.cnn.yaml'), 'utf8'), runs: quick ? 50 : 300 },
  { name: 'small VGG 64×64', file: 'small-vgg.cnn.yaml', text: SMALL_VGG, runs: quick ? 10 : 50 },
  { name: 'ResNet-18 224×224', file: join(root, 'samples/resnet18.cnn.yaml'), text: readFileSync(join(root, 'samples/resnet18.cnn.yaml'), 'utf8'), runs: quick ? 5 : 30 },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function input(a: Analysis): { data: Float32Array; dims: number[] } {
  const s = a.model.input!.value;
  const data = new Float32Array(s.depth * s.height * s.width);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37);
  return { data, dims: [1, s.depth, s.height, s.width] };
}

interface Row {
  model: string;
  engine: string;
  build: number;
  first: number;
  median: number;
}

async function inThread(c: Case, a: Analysis, bytes: Uint8Array, engine: EngineOptions, label: string, build: number, runs: number, fetch?: string[]): Promise<Row> {
  const x = input(a);
  const t0 = performance.now();
  const s = await createEngineSession(bytes, engine);
  await s.run(x.data, x.dims, fetch);
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await s.run(x.data, x.dims, fetch);
    times.push(performance.now() - t);
  }
  await s.release();
  return { model: c.name, engine: label, build, first, median: median(times) };
}

async function inWorker(c: Case, a: Analysis, bytes: Uint8Array, workerPath: string, build: number, runs: number, fetch: string[]): Promise<Row> {
  const x = input(a);
  const t0 = performance.now();
  const e = await RunnerEngine.start(bytes, {}, { workerPath });
  await e.run(x.data, x.dims, fetch);
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await e.run(x.data, x.dims, fetch);
    times.push(performance.now() - t);
  }
  await e.close();
  return { model: c.name, engine: 'worker', build, first, median: median(times) };
}

/** Loading each engine once (the native library, or compiling the WebAssembly) is paid by the first session only. */
async function engineLoad(engine: EngineOptions): Promise<number> {
  const a = analyze({ text: 'input: 4x4x1\nlayers:\n  - relu\n', fileName: 'tiny.cnn.yaml' });
  const bytes = encodeModel(buildGraph(a, { byLayer: new Map(), warnings: [] }, { fileName: 'tiny' }).model);
  const t0 = performance.now();
  const s = await createEngineSession(bytes, engine);
  await s.run(new Float32Array(16), [1, 1, 4, 4]);
  const ms = performance.now() - t0;
  await s.release();
  return ms;
}

async function main(): Promise<void> {
  console.log(`runner benchmark — ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} threads, Node ${process.version}, batch 1, He-initialised weights`);
  const loadNative = await engineLoad({});
  const loadWasm = noWasm ? undefined : await engineLoad({ forceWasm: true });
  const workerPath = [join(root, 'dist/runnerWorker.js'), join(root, 'runner/src/engine/worker.ts')].find((p) => existsSync(p) && p.endsWith('.js'));
  const rows: Row[] = [];
  for (const c of cases) {
    const a = analyze({ text: c.text, fileName: c.file });
    const t0 = performance.now();
    const params = resolveParameters(a, { modelFile: c.file });
    const graph = buildGraph(a, params, { fileName: c.file });
    const all = encodeModel(graph.model);
    const build = performance.now() - t0;
    const last = encodeModel(buildGraph(a, params, { fileName: c.file, exposeAll: false }).model);
    const final = [graph.finalOutput];
    rows.push(await inThread(c, a, all, {}, 'native', build, c.runs, final));
    rows.push(await inThread(c, a, all, {}, 'native/all', build, c.runs));
    rows.push(await inThread(c, a, last, {}, 'native/last', build, c.runs));
    if (workerPath) rows.push(await inWorker(c, a, all, workerPath, build, c.runs, final));
    if (!noWasm) rows.push(await inThread(c, a, all, { forceWasm: true }, 'wasm', build, Math.max(3, Math.ceil(c.runs / 5)), final));
    console.error(`  ${c.name} done`);
  }
  const header = ['model', 'engine', 'graph build ms', 'first result ms', 'median ms'];
  const body = rows.map((r) => [r.model, r.engine, r.build.toFixed(1), r.first.toFixed(1), r.median < 1 ? r.median.toFixed(3) : r.median.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const b of body) console.log(line(b));
  if (!workerPath) console.log('(worker rows need dist/runnerWorker.js: npm run build)');
  console.log('graph build = weights (He init) + ONNX graph + encoding; first result = session creation + first run, engine already loaded.');
  console.log(`engine load (first session of the process, a 1-layer model): native ${loadNative.toFixed(0)} ms${loadWasm !== undefined ? `, wasm ${loadWasm.toFixed(0)} ms` : ''}; a worker adds its own start (the worker rows).`);
  const torch = pytorchOnThisMachine(rows);
  await atScale(workerPath, torch?.['ResNet-18 224×224']);
}

/** The phases of a ResNet-18 run; `cnnshape run` end to end on 100 images; peak memory for 100 and 10,000. */
async function atScale(workerPath: string | undefined, torchResnet: number | string | undefined): Promise<void> {
  console.log('phases of a ResNet-18 run (in this thread; the CLI runs them in a worker):');
  for (const l of await phases(root, workerPath)) console.log(l);
  const resnet = join(root, 'samples/resnet18.cnn.yaml');
  const one = cliRun(root, resnet, 1);
  const hundred = cliRun(root, resnet, 100);
  const perImage = hundred.wallMs / 100;
  const marginal = (hundred.wallMs - one.wallMs) / 99;
  console.log(`cnnshape run ResNet-18 on a folder of 224×224 PNGs (batch 8): 1 image ${one.wallMs.toFixed(0)} ms, 100 images ${hundred.wallMs.toFixed(0)} ms${hundred.ok ? '' : ' (FAILED)'}`);
  console.log(`  per image, whole process / 100: ${perImage.toFixed(1)} ms; per image after the first ((t100 − t1) / 99): ${marginal.toFixed(1)} ms`);
  if (typeof torchResnet === 'number') {
    console.log(`  PyTorch eager, batch 1, forward only (no files, no start-up): ${torchResnet.toFixed(1)} ms → ${(marginal / torchResnet).toFixed(2)}× for the runner's per image after the first`);
  }
  // The same job done by PyTorch as a user's script does it (bench/pytorch_folder.py), timed the same
  // way, at batch 1 and 8: the faster counts.
  const torchOne = pytorchFolderRun(root, 1, 1);
  const torchHundred = [1, 8].map((batch) => pytorchFolderRun(root, 100, batch)).filter((r) => r !== undefined).sort((a, b) => a.wallMs - b.wallMs)[0];
  let ratio = 'PyTorch not measured';
  if (torchOne && torchHundred) {
    const torchPer = torchHundred.wallMs / 100;
    const torchMarginal = (torchHundred.wallMs - torchOne.wallMs) / 99;
    ratio = `${(perImage / torchPer).toFixed(2)}× PyTorch's ${torchPer.toFixed(1)} ms`;
    console.log(`PyTorch end to end (bench/pytorch_folder.py: PIL decode, resize, ToTensor, torchvision ResNet-18, softmax top-5 as JSON lines): 1 image ${torchOne.wallMs.toFixed(0)} ms, 100 images ${torchHundred.wallMs.toFixed(0)} ms (batch ${torchHundred.batch}, the faster of 1 and 8)`);
    console.log(`  per image, whole process / 100: ${torchPer.toFixed(1)} ms → runner ${(perImage / torchPer).toFixed(2)}×; per image after the first: ${torchMarginal.toFixed(1)} ms → runner ${(marginal / torchMarginal).toFixed(2)}×`);
  }
  if (!quick) {
    // Small images keep 10,000 quick: the memory that could grow is per image (results, messages, buffers), not per pixel.
    const lenet = join(root, 'samples/lenet5.cnn.yaml');
    const runs = [100, 1_000, 10_000].map((n) => cliRun(root, lenet, n, 32));
    const mb = (r: { maxRssMb: number | undefined }) => (r.maxRssMb === undefined ? '?' : `${r.maxRssMb.toFixed(0)} MB`);
    const [small, , large] = runs as [CliRun, CliRun, CliRun];
    const growth = small.maxRssMb !== undefined && large.maxRssMb !== undefined ? ` (${large.maxRssMb - small.maxRssMb >= 0 ? '+' : ''}${(large.maxRssMb - small.maxRssMb).toFixed(0)} MB from 100 to 10,000)` : '';
    console.log(`peak memory (max RSS of cnnshape run --json, LeNet-5 on 32×32 PNGs): ${runs.map((r) => `${r.images.toLocaleString('en')} images ${mb(r)}`).join(', ')}${growth} (10,000 in ${(large.wallMs / 1000).toFixed(1)} s${runs.every((r) => r.ok) ? '' : ', FAILED'}); ResNet-18 100 images ${mb(hundred)}`);
    console.log(`ResNet-18 end to end: ${perImage.toFixed(1)} ms per image = ${ratio} (target ≤ 0.7×)`);
  }
}

/** bench/pytorch_folder.py on n 224×224 PNGs, timed as a whole process; undefined without PyTorch. */
function pytorchFolderRun(root: string, n: number, batch: number): { wallMs: number; batch: number } | undefined {
  const dir = imageFolder(n);
  try {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/python3', [join(root, 'bench/pytorch_folder.py'), dir.dir, '--batch', String(batch)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 });
    const wallMs = performance.now() - t0;
    return r.status === 0 ? { wallMs, batch } : undefined;
  } finally {
    dir.remove();
  }
}

/** PyTorch's median on the same machine (bench/pytorch_reference.py, Debian's python3-torch), if installed. */
function pytorchOnThisMachine(rows: Row[]): Record<string, number | string> | undefined {
  const r = spawnSync('/usr/bin/python3', [join(root, 'bench/pytorch_reference.py')], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    console.log('PyTorch on this machine: not measured (bash scripts/install-pytorch.sh installs Debian\'s python3-torch)');
    return undefined;
  }
  const torch = JSON.parse(r.stdout) as Record<string, number | string>;
  console.log(`PyTorch ${torch['torch']} on this machine, ${torch['threads']} threads, median ms → the runner's steady state (native) as a fraction of it:`);
  for (const c of cases) {
    const t = torch[c.name];
    const ours = rows.find((x) => x.model === c.name && x.engine === 'native');
    if (typeof t === 'number' && ours) console.log(`  ${c.name.padEnd(18)} PyTorch ${t.toFixed(2).padStart(7)} ms   runner ${ours.median.toFixed(2).padStart(7)} ms   ${(ours.median / t).toFixed(2)}×`);
  }
  return torch;
}

void main();
