// cnnshape run and export as a user calls them: output formats, exit statuses (1 = errors, 2 = usage),
// and an exported .onnx file that loads in onnxruntime and computes what the reference computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core/src/index';
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
  const r = cnnshape('run', join(xo, 'xo.cnn.yaml'), join(xo, 'x.png'), bad, join(xo, 'o.png'), '--json', '--profile');
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
  const r = cnnshape('run', model, img, '--seed', '9', '--profile');
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

test('--rounding is the default for a model without rounding: (check, summary, run, export); the file\'s own wins; a bad value is exit 2', () => {
  const stride3 = join(root, 'samples/stride3-not-whole.cnn.yaml');
  assert.equal(cnnshape('check', stride3).status, 1);
  const floor = cnnshape('check', '--rounding', 'floor', stride3);
  assert.equal(floor.status, 0, floor.stdout + floor.stderr);
  assert.match(floor.stdout, /information\[non-integer-output\]/);
  assert.equal(cnnshape('summary', '--rounding', 'floor', stride3).status, 0);
  const ran = cnnshape('run', '--rounding', 'floor', stride3, join(xo, 'x.png'), '--json');
  assert.equal(ran.status, 0, ran.stderr);
  assert.deepEqual((JSON.parse(ran.stdout) as { layers: Array<{ output: unknown }> }).layers[0]!.output, { width: 10, height: 10, depth: 8 });
  const onnx = join(tmp.dir, 'stride3.onnx');
  const exported = cnnshape('export', stride3, '--onnx', onnx, '--rounding', 'floor');
  assert.equal(exported.status, 0, exported.stderr);
  const own = tmp.write('own-strict.cnn.yaml', `rounding: strict\n${readFileSync(stride3, 'utf8').replace(/^name:.*$/m, '')}`);
  assert.equal(cnnshape('check', '--rounding', 'floor', own).status, 1, 'the file says strict');
  assert.equal(cnnshape('check', '--rounding', 'round', stride3).status, 2);
});

test('an empty layer list is an error: check exits 1', () => {
  const r = cnnshape('check', join(root, 'samples/broken/empty-model.cnn.yaml'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /error\[empty-model\]/);
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
  const a = analyze({ text: modelText, fileName: model });
  const params = resolveParameters(a, { modelFile: model, seed: 4 });
  const session = await createEngineSession(new Uint8Array(readFileSync(out)));
  const input = randomInput(a, 11);
  const got = await session.run(Float32Array.from(input.data), [1, 3, 10, 10]);
  await session.release();
  const ref = referenceForward(a, new Map([...params.byLayer].map(([i, l]) => [i, l.tensors])), input);
  for (let i = 0; i < ref.length; i++) assertClose(got[layerOutputName(i)]!, ref[i]!, `layer ${i}`);
});
