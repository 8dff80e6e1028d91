// A run made ready ahead (prewarmRunner, what the editor does when a model file is shown): the next run
// of the same model version uses that worker's session (no weights or graph phase in its timing) and
// gives the same numbers as a cold run; another text, or a weights file changed on disk since, is
// built afresh.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { prewarmRunner, runInWorker, stopSpareRunner } from '../../runner/src/engine/client';
import type { PipelineRequest, PipelineResult } from '../../runner/src/run/pipeline';
import { phaseTimes } from '../../runner/src/run/phases';
import { analyze } from '../../core/src/index';
import { EXERCISE_MODEL, exerciseEngine } from '../../runner/src/run/warmStart';
import { editorSessionRequest, readyKey } from '../../runner/src/run/readyKey';
import { pngBytes } from './helpers/png';
import { writeSafetensors } from './helpers/safetensorsWriter';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('warm');
const image = tmp.write('pic.png', pngBytes(8, 8, (x, y) => [x * 30, y * 30, (x * y) & 255, 255]));
const MODEL = `input: 8x8x1
weights: w.safetensors
layers:
  - {type: conv, filters: 2, kernel: 3}
  - relu
  - flatten
  - {type: dense, units: 3}
`;
const weights = (scale: number) =>
  writeSafetensors({
    '0.weight': { dtype: 'F32', shape: [2, 1, 3, 3], data: Array.from({ length: 18 }, (_, i) => scale * Math.sin(i + 1)) },
    '0.bias': { dtype: 'F32', shape: [2], data: [0.1, -0.1] },
    '3.weight': { dtype: 'F32', shape: [3, 72], data: Array.from({ length: 216 }, (_, i) => Math.cos(i) / 10) },
    '3.bias': { dtype: 'F32', shape: [3], data: [0, 1, 2] },
  });
const weightsFile = tmp.write('w.safetensors', weights(1));
const modelFile = tmp.write('m.cnn.yaml', MODEL);

// As the editor asks: profiled, with previews.
const request = (text: string): PipelineRequest => ({ modelFile, text, images: [image], profile: true, previews: { maxChannels: 4, maxSize: 8 } });
const phases = (r: PipelineResult) => phaseTimes(r.timing ?? [], 0).map((p) => p.phase);

after(async () => {
  // The run that took the spare asks for a new one just after it ends.
  await new Promise((r) => setTimeout(r, 50));
  await stopSpareRunner();
});

test('the next run of the same model version uses the session made ahead, with the same numbers', async () => {
  const cold = await runInWorker(request(MODEL));
  assert.ok(phases(cold).includes('weights') && phases(cold).includes('session'), phases(cold).join());
  assert.equal(await prewarmRunner(request(MODEL)), true, 'a session was made ahead');
  const warm = await runInWorker(request(MODEL));
  assert.deepEqual(phases(warm), ['worker', 'decode', 'run', 'done']);
  assert.deepEqual(warm.outputs.map((o) => o.output), cold.outputs.map((o) => o.output));
  assert.deepEqual(warm.layers.map((l) => l.output), cold.layers.map((l) => l.output));
  assert.ok(warm.layers.some((l) => l.ms !== null), 'per-layer times were measured (the warm-up pass is not among them)');
});

test('another text, or weights changed on disk after the session was made, are read afresh', async () => {
  assert.equal(await prewarmRunner(request(MODEL)), true);
  const other = `# edited\n${MODEL}`;
  const edited = await runInWorker(request(other));
  assert.ok(phases(edited).includes('weights'), 'an edited text is built again');

  assert.equal(await prewarmRunner(request(MODEL)), true);
  const before = await runInWorker(request(MODEL));
  assert.equal(await prewarmRunner(request(MODEL)), true);
  tmp.write('w.safetensors', weights(-3));
  // Size is unchanged: the time tells the change (set apart from the first write's, whatever the clock's resolution).
  utimesSync(weightsFile, new Date(), new Date(Date.now() + 5000));
  const changed = await runInWorker(request(MODEL));
  assert.ok(phases(changed).includes('weights'), 'the changed weights file is read again');
  assert.notDeepEqual(changed.outputs[0]!.output, before.outputs[0]!.output);
  const cold = await runInWorker(request(MODEL));
  assert.deepEqual(changed.outputs[0]!.output, cold.outputs[0]!.output);
});

test('a model with errors is not made ready', async () => {
  assert.equal(await prewarmRunner(request('input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: 30}\n')), false);
});

test('a newer version asked for while one is being made ready replaces it: only the last is built', async () => {
  const a = prewarmRunner(request(`# version a\n${MODEL}`));
  const b = prewarmRunner(request(`# version b\n${MODEL}`));
  assert.equal(await b, true);
  assert.equal(await a, false, 'the older version was dropped before its session was built');
  const run = await runInWorker(request(`# version b\n${MODEL}`));
  assert.deepEqual(phases(run), ['worker', 'decode', 'run', 'done']);
});

test('a prewarm asked for during a run is made after the run, not beside it (the run keeps the cores)', async () => {
  const other = `# asked for during the run\n${MODEL}`;
  let runEnded = false;
  // Enough images for the run to outlast a build of this small model beside it.
  const many: PipelineRequest = { ...request(MODEL), images: Array.from({ length: 40 }, () => image) };
  const run = runInWorker(many).then((r) => ((runEnded = true), r));
  await new Promise((r) => setTimeout(r, 20));
  const made = prewarmRunner(request(other)).then((m) => ({ m, afterRun: runEnded }));
  assert.equal((await run).outputs.length, 40);
  const { m, afterRun } = await made;
  assert.equal(m, true, 'the version asked for was made ready');
  assert.ok(afterRun, 'made after the run had ended');
  // It wins over the run's own version, which the runner would otherwise make ready again.
  assert.deepEqual(phases(await runInWorker(request(other))), ['worker', 'decode', 'run', 'done']);
});

test('a run asked for while its version is being made ready takes that build (its steps among the run\'s phases), not a second one', async () => {
  await stopSpareRunner();
  const text = `# run during its build\n${MODEL}`;
  const made = prewarmRunner(request(text));
  const run = await runInWorker(request(text));
  const p = phases(run);
  // 'warmup' is marked only by a session made ahead; the run's own build would not mark it.
  assert.ok(p.includes('warmup') && p.includes('session'), p.join());
  assert.equal(p.filter((x) => x === 'session').length, 1, p.join());
  assert.equal(await made, true);
  const cold = await runInWorker({ ...request(text), seed: 1 });
  assert.deepEqual(run.outputs[0]!.output, cold.outputs[0]!.output);
});

test('the small model a spare worker exercises itself with is valid and runs', async () => {
  const analysis = analyze({ text: EXERCISE_MODEL, fileName: 'exercise.cnn.json' });
  assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(await exerciseEngine(), true);
});

test("the editor's session request made before the language server answers has the key of the command's full request", () => {
  const ahead = editorSessionRequest(modelFile, MODEL, 'floor');
  const full: PipelineRequest = { ...ahead, images: [image], previews: { maxChannels: 4, maxSize: 8 }, keepOutputsOf: [0, 3], keepInputs: true };
  assert.equal(readyKey(full), readyKey(ahead));
  assert.notEqual(readyKey(editorSessionRequest(modelFile, MODEL, 'strict')), readyKey(ahead), 'the rounding is part of it');
  assert.notEqual(readyKey(editorSessionRequest(modelFile, `${MODEL}\n`, 'floor')), readyKey(ahead), 'and the text');
});
