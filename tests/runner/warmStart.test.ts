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
