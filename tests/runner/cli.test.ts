// cnnshape run and export as a user calls them: output formats, exit statuses (1 = errors, 2 = usage),
// and an exported .onnx file that loads in onnxruntime and computes what the reference computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../core/src/index';
import { createEngineSession } from '../../runner/src/engine/session';
import { layerOutputName } from '../../runner/src/onnx/buildGraph';
import { resolveParameters } from '../../runner/src/weights/resolve';
import { referenceForward } from './reference/forward';
import { assertClose } from './helpers/compare';
import { randomInput } from './helpers/models';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('cli');
const xo = join(root, 'samples/xo');

/** The runner JSON of the format spec, as far as these tests read it. */
interface RunJson {
  outputs: Array<{ image: string; output: number[]; top: Array<{ index: number; label: string; score: number }> }>;
  layers: Array<{ index: number; name: string; type: string; output: unknown; ms: number }>;
  errors: unknown[];
}

function cnnshape(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/src/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('run --json: the spec\'s outputs and layers; a bad image is exit 1 and the others are still printed', () => {
  const bad = tmp.write('bad.png', 'nope');
  const r = cnnshape('run', join(xo, 'xo.cnn.yaml'), join(xo, 'x.png'), bad, join(xo, 'o.png'), '--json');
  assert.equal(r.status, 1, r.stderr);
  const j = JSON.parse(r.stdout) as RunJson;
  assert.deepEqual(j.outputs.map((o: { image: string }) => o.image), [join(xo, 'x.png'), join(xo, 'o.png')]);
  assert.deepEqual(j.outputs.map((o: { top: Array<{ label: string }> }) => o.top[0]!.label), ['X', 'O']);
  for (const o of j.outputs) {
    assert.equal(o.output.length, 2);
    assert.deepEqual(Object.keys(o.top[0] ?? {}), ['index', 'label', 'score']);
  }
  assert.deepEqual(j.layers[0], { index: 0, name: 'features', type: 'conv', output: { width: 9, height: 9, depth: 3 }, ms: j.layers[0]?.ms });
  assert.equal(typeof j.layers[0]?.ms, 'number');
  assert.equal(j.errors.length, 1);
  assert.match(r.stderr, /bad\.png: not a PNG or JPEG/);
});

test('run (text): predicted and ran shapes side by side, top-5, untrained announced with its seed', () => {
  const img = tmp.write('grey.png', pngBytes(40, 30, (x, y) => [x * 6, y * 8, 100, 255]));
  const model = tmp.write('m.cnn.yaml', 'name: Tiny\ninput: 8x8x1\nlabels: [zero, one, two, three, four, five]\nlayers:\n  - {type: conv, filters: 2, kernel: 3, name: c}\n  - globalavgpool\n  - flatten\n  - {type: dense, units: 6}\n');
  const r = cnnshape('run', model, img, '--seed', '9');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /untrained: He initialisation \(seed 9\)/);
  assert.match(r.stdout, /predicted\s+ran\s+ms/);
  assert.match(r.stdout, /0\s+c\s+conv\s+6×6×2\s+6×6×2\s+\d+\.\d+/);
  assert.equal(r.stdout.match(/^\s+\d\.\s/gm)?.length, 5, 'five entries in the top list');
});

test('exit 1 with the errors and 1-based lines for a model with errors; exit 2 for bad usage', () => {
  const r = cnnshape('run', join(root, 'samples/stride3-not-whole.cnn.yaml'), join(xo, 'x.png'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /stride3-not-whole\.cnn\.yaml:\d+:\d+: error: .*10\.33/);
  assert.equal(cnnshape('run', join(xo, 'xo.cnn.yaml')).status, 2, 'no image');
  assert.equal(cnnshape('run', join(xo, 'xo.cnn.yaml'), join(xo, 'x.png'), '--seed', 'abc').status, 2);
  assert.equal(cnnshape('run', tmp.dir + '/missing.cnn.yaml', join(xo, 'x.png')).status, 2);
  assert.equal(cnnshape('export', join(xo, 'xo.cnn.yaml')).status, 2, 'export without --onnx');
});

test('export --onnx writes a file that onnxruntime loads; its outputs match the reference', async () => {
  const modelText = `input: 10x10x3
rounding: ceil
layers:
  - {type: conv, filters: 4, kernel: 3, stride: 2, padding: same}
  - batchnorm
  - gelu
  - {type: avgpool, kernel: 2, padding: 1}
  - flatten
  - {type: dense, units: 5}
`;
  const model = tmp.write('e.cnn.yaml', modelText);
  const out = join(tmp.dir, 'e.onnx');
  const r = cnnshape('export', model, '--onnx', out, '--seed', '4');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /verified: onnxruntime \(native\) loads/);
  const a = analyzeText(modelText, model);
  const params = resolveParameters(a, { modelFile: model, seed: 4 });
  const session = await createEngineSession(new Uint8Array(readFileSync(out)));
  const input = randomInput(a, 11);
  const got = await session.run(Float32Array.from(input.data), [1, 3, 10, 10]);
  await session.release();
  const ref = referenceForward(a, new Map([...params.byLayer].map(([i, l]) => [i, l.tensors])), input);
  for (let i = 0; i < ref.length; i++) assertClose(got[layerOutputName(i)]!, ref[i]!, `layer ${i}`);
});
