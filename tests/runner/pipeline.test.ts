// The run pipeline: spec JSON fields, shapes that ran, per-layer times, labels from a file, a bad image
// among good ones, models the runner refuses, and the worker thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../runner/src/run/pipeline';
import { runInWorker, RunCancelled } from '../../runner/src/engine/client';
import { ModelError, RunnerError, WeightsError } from '../../runner/src/errors';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';
import { writeSafetensors } from './helpers/safetensorsWriter';

const tmp = tempDir('pipeline');

const MODEL = `name: small
input: 12x8x3
labels: classes.txt
layers:
  - {type: conv, filters: 4, kernel: 3, stride: 2, padding: same, name: c1}
  - relu
  - {type: maxpool, kernel: 2}
  - flatten
  - {type: dense, units: 3, name: fc}
  - softmax
`;
const modelFile = tmp.write('small.cnn.yaml', MODEL);
tmp.write('classes.txt', 'cat\r\ndog\nbird\n\n');
const red = tmp.write('red.png', pngBytes(24, 20, () => [255, 0, 0, 255]));
const stripes = tmp.write('stripes.png', pngBytes(12, 10, (x) => (x % 2 ? [0, 0, 0, 255] : [255, 255, 255, 255])));
const broken = tmp.write('broken.png', 'not a picture');

test('outputs, top-5 with labels from a file, shapes that ran, per-layer times; a bad image does not stop the others', async () => {
  const r = await runPipeline({ modelFile, images: [red, broken, stripes], profile: true });
  assert.equal(r.engine, 'native');
  assert.equal(r.outputs.length, 2);
  assert.deepEqual(r.outputs.map((o) => o.image), [red, stripes]);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]!.image, broken);
  assert.match(r.errors[0]!.error, /broken\.png: not a PNG or JPEG/);
  for (const o of r.outputs) {
    assert.equal(o.output.length, 3);
    assert.equal(o.top.length, 3);
    assert.deepEqual(new Set(o.top.map((t) => t.label)), new Set(['cat', 'dog', 'bird']));
    assert.ok(o.top[0]!.score >= o.top[1]!.score && o.top[1]!.score >= o.top[2]!.score);
    assert.equal(o.top[0]!.score, o.output[o.top[0]!.index]);
  }
  assert.notDeepEqual(r.outputs[0]!.output, r.outputs[1]!.output);
  assert.deepEqual(r.layers.map((l) => [l.name, l.output]), [
    ['c1', { width: 6, height: 4, depth: 4 }],
    ['1', { width: 6, height: 4, depth: 4 }],
    ['2', { width: 3, height: 2, depth: 4 }],
    ['3', { width: 1, height: 1, depth: 24 }],
    ['fc', { width: 1, height: 1, depth: 3 }],
    ['5', { width: 1, height: 1, depth: 3 }],
  ]);
  for (const l of r.layers) {
    assert.deepEqual(l.predicted, l.output);
    assert.ok(typeof l.ms === 'number' && l.ms >= 0, `layer ${l.index} has a time`);
  }
  assert.ok(r.layers.some((l) => l.ms! > 0));
  assert.deepEqual(r.untrained, { seed: 1, layers: [0, 4] });
});

test('top-5 keeps five of many outputs; more labels than outputs is a warning', async () => {
  const f = tmp.write('many.cnn.yaml', `input: 4x4x1\nlabels: [a, b, c, d, e, f, g, h]\nlayers:\n  - flatten\n  - {type: dense, units: 7}\n`);
  const r = await runPipeline({ modelFile: f, images: [stripes] });
  assert.equal(r.outputs[0]!.top.length, 5);
  assert.match(r.warnings.join('\n'), /8 labels for 7 output values/);
});

test('weights from the model file are used, and the same seed gives the same outputs', async () => {
  const a = await runPipeline({ modelFile, images: [red], seed: 5 });
  const b = await runPipeline({ modelFile, images: [red], seed: 5 });
  const c = await runPipeline({ modelFile, images: [red], seed: 6 });
  assert.deepEqual(a.outputs[0]!.output, b.outputs[0]!.output);
  assert.notDeepEqual(a.outputs[0]!.output, c.outputs[0]!.output);
  // All-zero weights and biases (1, 2, 3): the softmax of the bias.
  tmp.write('w.safetensors', writeSafetensors({
    'c1.weight': { dtype: 'F32', shape: [4, 3, 3, 3], data: new Float32Array(108) },
    'c1.bias': { dtype: 'F32', shape: [4], data: [0, 0, 0, 0] },
    'fc.weight': { dtype: 'F32', shape: [3, 24], data: new Float32Array(72) },
    'fc.bias': { dtype: 'F32', shape: [3], data: [1, 2, 3] },
  }));
  const wf = tmp.write('weighted.cnn.yaml', MODEL.replace('labels:', 'weights: w.safetensors\nlabels:'));
  const w = await runPipeline({ modelFile: wf, images: [red] });
  assert.equal(w.untrained, undefined);
  const e = [1, 2, 3].map(Math.exp);
  const s = e.reduce((x, y) => x + y);
  w.outputs[0]!.output.forEach((v, i) => assert.ok(Math.abs(v - e[i]! / s) < 1e-6));
  assert.equal(w.outputs[0]!.top[0]!.label, 'bird');
});

test('refused before running: errors in the model (with 1-based lines), depth 2, weights that do not fit', async () => {
  const bad = tmp.write('bad.cnn.yaml', 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n');
  await assert.rejects(runPipeline({ modelFile: bad, images: [red] }), (e: Error) => e instanceof ModelError && /bad\.cnn\.yaml:3:\d+: error: .*10\.33/.test(e.message));
  const deep = tmp.write('deep.cnn.yaml', 'input: 4x4x2\nlayers:\n  - relu\n');
  await assert.rejects(runPipeline({ modelFile: deep, images: [red] }), /depth is 2.*cannot take an image/);
  tmp.write('wrong.safetensors', writeSafetensors({ 'c1.weight': { dtype: 'F32', shape: [4, 3, 5, 5], data: new Float32Array(300) } }));
  const wrong = tmp.write('wrong.cnn.yaml', MODEL.replace('labels:', 'weights: wrong.safetensors\nlabels:'));
  await assert.rejects(runPipeline({ modelFile: wrong, images: [red] }), (e: Error) => e instanceof WeightsError && /c1\.weight' has shape \[4, 3, 5, 5\], expected \[4, 3, 3, 3\]/.test(e.message) && /'fc\.weight' is missing/.test(e.message));
  const nolabels = tmp.write('nolabels.cnn.yaml', MODEL.replace('classes.txt', 'none.txt'));
  await assert.rejects(runPipeline({ modelFile: nolabels, images: [red] }), /labels file .*none\.txt: no such file/);
});

test('in the worker thread: same result, progress reported, the caller\'s event loop stays free; errors keep their kind', async () => {
  const progress: string[] = [];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const w = await runInWorker({ modelFile, images: [red, stripes], seed: 3 }, { onProgress: (m) => progress.push(m) });
  clearInterval(timer);
  const here = await runPipeline({ modelFile, images: [red, stripes], seed: 3 });
  assert.deepEqual(w.outputs.map((o) => o.output), here.outputs.map((o) => o.output));
  assert.ok(progress.some((m) => m.startsWith('running')));
  assert.ok(ticks > 0, 'timers ran while the worker worked');
  const bad = tmp.write('bad2.cnn.yaml', 'input: 4x4x2\nlayers:\n  - relu\n');
  await assert.rejects(runInWorker({ modelFile: bad, images: [red] }), (e: Error) => e instanceof RunnerError && e.user && /cannot take an image/.test(e.message));
});

// The README's stride-3 network: (32 − 4)/3 + 1 = 10.33 is an error under the spec's strict rounding,
// information under the editor setting `cnnShape.rounding.default: floor`, which the run must honour.
const STRIDE3 = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n  - relu\n  - {type: maxpool, kernel: 2}\n  - flatten\n  - {type: dense, units: 10}\n';

test('the default rounding reaches the run: under floor the stride-3 model runs, in the pipeline and in the worker; strict refuses it', async () => {
  const stride3 = tmp.write('stride3.cnn.yaml', STRIDE3);
  await assert.rejects(runPipeline({ modelFile: stride3, images: [red] }), (e: Error) => e instanceof ModelError && /10\.33/.test(e.message));
  await assert.rejects(runPipeline({ modelFile: stride3, images: [red], defaultRounding: 'strict' }), ModelError);
  for (const run of [runPipeline, runInWorker]) {
    const r = await run({ modelFile: stride3, images: [red], defaultRounding: 'floor' });
    assert.equal(r.outputs.length, 1);
    assert.equal(r.outputs[0]!.output.length, 10);
    assert.deepEqual(r.layers.map((l) => l.output), [
      { width: 10, height: 10, depth: 8 },
      { width: 10, height: 10, depth: 8 },
      { width: 5, height: 5, depth: 8 },
      { width: 1, height: 1, depth: 200 },
      { width: 1, height: 1, depth: 10 },
    ]);
  }
  // The file's own `rounding:` still wins over the default.
  const own = tmp.write('stride3-strict.cnn.yaml', `rounding: strict\n${STRIDE3}`);
  await assert.rejects(runPipeline({ modelFile: own, images: [red], defaultRounding: 'floor' }), ModelError);
});

test('a run in the worker can be cancelled', async () => {
  const ac = new AbortController();
  const p = runInWorker({ modelFile, images: [red] }, { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, RunCancelled);
});

test('the WebAssembly fallback (forced) is announced, gives the same outputs, and has no per-layer times', async () => {
  const native = await runPipeline({ modelFile, images: [red] });
  const wasm = await runPipeline({ modelFile, images: [red], engine: { forceWasm: true, threads: 1 } });
  assert.equal(wasm.engine, 'wasm');
  assert.match(wasm.warnings.join('\n'), /WebAssembly engine forced/);
  assert.ok(wasm.layers.every((l) => l.ms === null));
  wasm.outputs[0]!.output.forEach((v, i) => assert.ok(Math.abs(v - native.outputs[0]!.output[i]!) < 1e-5));
});
