// Weights: safetensors reading (dtypes, corrupt and hostile files), keys by name or index, shape
// checks before anything runs, unused keys, inline parameters, the seeded He initialisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSafetensors, halfToFloat } from '../../runner/src/weights/safetensors';
import { resolveParameters } from '../../runner/src/weights/resolve';
import { heInitialise } from '../../runner/src/weights/heInit';
import { WeightsError } from '../../runner/src/errors';
import { layerOutputName } from '../../runner/src/onnx/buildGraph';
import { floatToHalf, rawSafetensors, writeSafetensors, type WriteTensor } from './helpers/safetensorsWriter';
import { tempDir } from './helpers/tmp';
import { analyse, randomInput, runOnnx } from './helpers/models';
import { referenceForward } from './reference/forward';
import { assertClose } from './helpers/compare';
import { randomArray, rng } from './helpers/random';

const tmp = tempDir('weights');

const MODEL = `input: 6x6x2
layers:
  - {type: conv, filters: 3, kernel: 3, name: c1}
  - batchnorm
  - relu
  - flatten
  - {type: dense, units: 4}
`;

/** Values exactly representable in F16 and BF16, so the round trip is exact. */
function exactValues(n: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Math.round((r() * 2 - 1) * 64) / 32);
}

function goodTensors(): Record<string, WriteTensor> {
  return {
    'c1.weight': { dtype: 'F32', shape: [3, 2, 3, 3], data: randomArray(54, rng(1)) },
    'c1.bias': { dtype: 'BF16', shape: [3], data: [0.5, -1.25, 2] },
    '1.weight': { dtype: 'F64', shape: [3], data: [1.5, 0.25, -2] },
    '1.bias': { dtype: 'F16', shape: [3], data: [0.125, -0.5, 1] },
    '1.running_mean': { dtype: 'F32', shape: [3], data: [0.1, -0.2, 0.3] },
    '1.running_var': { dtype: 'F32', shape: [3], data: [0.5, 1, 2] },
    '1.num_batches_tracked': { dtype: 'I64', shape: [], data: [1000] },
    '4.weight': { dtype: 'F16', shape: [4, 48], data: exactValues(192, 2) },
    '4.bias': { dtype: 'F32', shape: [4], data: [1, 2, 3, 4] },
  };
}

test('F16 conversion handles normal, subnormal, infinite values', () => {
  for (const v of [0, 1, -2, 0.1, 65504, 6.103515625e-5]) assert.ok(Math.abs(halfToFloat(floatToHalf(v)) - v) <= Math.abs(v) * 1e-3, String(v));
  assert.equal(halfToFloat(0x7c00), Infinity);
  assert.equal(halfToFloat(0xfc00), -Infinity);
  assert.ok(Number.isNaN(halfToFloat(0x7e00)));
  assert.equal(halfToFloat(0x0001), 2 ** -24);
});

test('a file written here round-trips: F32, F16, BF16, F64 to float32; keys by name and by index; the network runs on them', async () => {
  const a = analyse(MODEL);
  const tensors = goodTensors();
  const file = tmp.write('good.safetensors', writeSafetensors(tensors, { format: 'pt' }));
  const f = readSafetensors(file);
  assert.deepEqual(f.metadata, { format: 'pt' });
  assert.deepEqual(Array.from(f.read('c1.bias')), [0.5, -1.25, 2]);
  assert.deepEqual(Array.from(f.read('1.bias')), [0.125, -0.5, 1]);
  assert.deepEqual(Array.from(f.read('1.weight')), [1.5, 0.25, -2]);
  assert.deepEqual(Array.from(f.read('4.weight')), tensors['4.weight']!.data);
  assert.deepEqual(Array.from(f.read('c1.weight')), Array.from(tensors['c1.weight']!.data as Float32Array));

  const p = resolveParameters(a, { modelFile: tmp.dir + '/m.cnn.yaml', weightsFile: file });
  assert.deepEqual(p.untrained, []);
  assert.equal(p.heSeed, undefined);
  assert.equal(p.warnings.length, 1);
  assert.match(p.warnings[0]!, /1\.num_batches_tracked/);
  assert.match(p.warnings[0]!, /not used/);

  const input = randomInput(a, 3);
  const got = await runOnnx(a, p, input);
  const byLayer = new Map([...p.byLayer].map(([i, l]) => [i, l.tensors]));
  const ref = referenceForward(a, byLayer, input);
  for (let i = 0; i < ref.length; i++) assertClose(got[layerOutputName(i)]!, ref[i]!, `layer ${i}`);
});

test('the model\'s weights: path is relative to the model file', () => {
  const sub = tmp.write('w-rel.safetensors', writeSafetensors(goodTensors()));
  const a = analyse(MODEL.replace('input:', 'weights: w-rel.safetensors\ninput:'));
  const p = resolveParameters(a, { modelFile: tmp.dir + '/model.cnn.yaml' });
  assert.equal(p.weightsFile, sub);
  assert.deepEqual(p.untrained, []);
});

function resolveError(tensors: Record<string, WriteTensor>, name: string): string {
  const file = tmp.write(name, writeSafetensors(tensors));
  try {
    resolveParameters(analyse(MODEL), { modelFile: tmp.dir + '/m.cnn.yaml', weightsFile: file });
  } catch (e) {
    assert.ok(e instanceof WeightsError, `expected a WeightsError, got ${String(e)}`);
    return e.message;
  }
  return assert.fail('no error');
}

test('a missing key is an error naming the layer, the key and the expected shape', () => {
  const t = goodTensors();
  delete t['4.bias'];
  const msg = resolveError(t, 'missing.safetensors');
  assert.match(msg, /missing\.safetensors/);
  assert.match(msg, /layer 4 \(dense\)/);
  assert.match(msg, /'4\.bias' is missing/);
  assert.match(msg, /\[4\]/);
});

test('a wrong shape is an error naming the layer, the key, expected and found shapes; all problems are listed', () => {
  const t = goodTensors();
  t['c1.weight'] = { dtype: 'F32', shape: [3, 2, 5, 5], data: new Float32Array(150) };
  t['1.running_var'] = { dtype: 'F32', shape: [4], data: [1, 1, 1, 1] };
  const msg = resolveError(t, 'shape.safetensors');
  assert.match(msg, /layer 0 \(conv 'c1'\): key 'c1\.weight' has shape \[3, 2, 5, 5\], expected \[3, 2, 3, 3\]/);
  assert.match(msg, /layer 1 \(batchnorm\): key '1\.running_var' has shape \[4\], expected \[3\]/);
});

test('an unsupported dtype for a used tensor is an error naming the dtype', () => {
  const t = goodTensors();
  t['4.bias'] = { dtype: 'I32', shape: [4], data: [1, 2, 3, 4] };
  assert.match(resolveError(t, 'dtype.safetensors'), /'4\.bias'.*I32.*F32, F16, BF16, F64/);
});

function readError(bytes: Buffer, name: string, opts = {}): string {
  const file = tmp.write(name, bytes);
  assert.throws(() => readSafetensors(file, opts), WeightsError);
  try {
    readSafetensors(file, opts);
  } catch (e) {
    assert.ok((e as Error).message.includes(name), `the message names the file: ${(e as Error).message}`);
    return (e as Error).message;
  }
  return '';
}

test('corrupt and hostile files: clear errors naming the file', () => {
  const good = writeSafetensors(goodTensors());
  assert.match(readError(good.subarray(0, good.length - 10), 'truncated.safetensors'), /outside the \d+ data bytes/);
  assert.match(readError(good.subarray(0, 5), 'tiny.safetensors'), /too short/);
  assert.match(readError(good.subarray(0, 40), 'cut-header.safetensors'), /truncated/);
  assert.match(readError(rawSafetensors('{"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]'), 'badjson.safetensors'), /not valid JSON/);
  assert.match(readError(rawSafetensors('[1, 2]'), 'array.safetensors'), /not a JSON object/);
  assert.match(readError(rawSafetensors('{}', Buffer.alloc(0), 2n ** 62n), 'absurd.safetensors'), /absurd/);
  assert.match(
    readError(rawSafetensors('{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}', Buffer.alloc(8)), 'mismatch.safetensors'),
    /needs 8 bytes, but data_offsets give 4/,
  );
  assert.match(
    readError(rawSafetensors('{"a": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}', Buffer.alloc(4)), 'negshape.safetensors'),
    /shape must be/,
  );
  assert.match(readError(good, 'limit.safetensors', { maxBytes: 100 }), /more than the 100 bytes/);
  assert.throws(() => readSafetensors(tmp.dir + '/none.safetensors'), /none\.safetensors: no such weights file/);
});

test('inline parameters are used; a missing bias beside inline weights is zeros with a warning', () => {
  const a = analyse(`input: 3x3x1
layers:
  - type: conv
    filters: 1
    kernel: 3
    parameters:
      weight: [[[[1, 0, -1], [2, 0, -2], [1, 0, -1]]]]
`);
  const p = resolveParameters(a, { modelFile: '/nowhere/m.cnn.yaml' });
  assert.deepEqual(Array.from(p.byLayer.get(0)!.tensors['weight']!.data), [1, 0, -1, 2, 0, -2, 1, 0, -1]);
  assert.deepEqual(Array.from(p.byLayer.get(0)!.tensors['bias']!.data), [0]);
  assert.deepEqual(p.untrained, []);
  assert.match(p.warnings.join('\n'), /no bias given; using zeros/);
});

test('He initialisation: deterministic per seed, std ≈ sqrt(2 / fan_in), biases 0, batchnorm identity', () => {
  const shape = { weight: [64, 32, 3, 3], bias: [64] };
  const a1 = heInitialise('conv', 0, shape, 1);
  const a2 = heInitialise('conv', 0, shape, 1);
  const b = heInitialise('conv', 0, shape, 2);
  assert.deepEqual(a1['weight']!.data, a2['weight']!.data);
  assert.notDeepEqual(a1['weight']!.data, b['weight']!.data);
  const w = a1['weight']!.data;
  const mean = w.reduce((s, v) => s + v, 0) / w.length;
  const std = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
  const want = Math.sqrt(2 / (32 * 9));
  assert.ok(Math.abs(std - want) / want < 0.05, `std ${std} vs ${want}`);
  assert.ok(Math.abs(mean) < 0.01);
  assert.ok(a1['bias']!.data.every((v) => v === 0));
  const bn = heInitialise('batchnorm', 1, { weight: [2], bias: [2], running_mean: [2], running_var: [2] }, 1);
  assert.deepEqual([...bn['weight']!.data, ...bn['bias']!.data, ...bn['running_mean']!.data, ...bn['running_var']!.data], [1, 1, 0, 0, 0, 0, 1, 1]);
});

test('without weights, every parameterised layer is announced as untrained with the seed', () => {
  const p = resolveParameters(analyse(MODEL), { modelFile: '/nowhere/m.cnn.yaml', seed: 7 });
  assert.deepEqual(p.untrained, [0, 1, 4]);
  assert.equal(p.heSeed, 7);
});
