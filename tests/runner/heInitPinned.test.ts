// The He initialisation's values pinned: a SHA-256 of every tensor ResNet-18 gets (flat v1 file: streams
// keyed by layer index; v2 file with blocks: keyed by full name) for two seeds, recorded before the
// generator was made faster. Any change to a single value for a given seed fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core/src/index';
import { resolveParameters } from '../../runner/src/weights/resolve';

const root = join(__dirname, '../..');

function weightsHash(sample: string, seed: number): { hash: string; count: number } {
  const modelFile = join(root, 'samples', sample);
  const analysis = analyze({ text: readFileSync(modelFile, 'utf8'), fileName: modelFile });
  const params = resolveParameters(analysis, { modelFile, seed });
  const h = createHash('sha256');
  let count = 0;
  for (const index of [...params.byLayer.keys()].sort((a, b) => a - b)) {
    const { tensors } = params.byLayer.get(index)!;
    for (const key of Object.keys(tensors).sort()) {
      const t = tensors[key]!;
      h.update(`${index}.${key}[${t.shape.join(',')}]`);
      h.update(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
      count += t.data.length;
    }
  }
  return { hash: h.digest('hex'), count };
}

const PINNED: Array<[string, number, string]> = [
  ['resnet18.cnn.yaml', 1, '46002e1efc96720868ce3c0f2441fb815148ebb9a9931cd3994b6852bef3147e'],
  ['resnet18.cnn.yaml', 12345, '1ad19d303977c933e5d35f711c96600a1f905f0c68c947d5ab5969a99aa7bbeb'],
  ['v2/resnet18.cnn.yaml', 1, '4a64ee151807f65f334f495508a56b05cd7c125dbfb8f3dbeb50209f74a50ddf'],
];

for (const [sample, seed, hash] of PINNED) {
  test(`He initialisation of ${sample}, seed ${seed}: the same 11,689,512 values as before`, () => {
    const got = weightsHash(sample, seed);
    // Every parameter, batchnorm's running statistics included (not counted among the 11,689,512).
    assert.ok(got.count > 11_689_512, `${got.count} values`);
    assert.equal(got.hash, hash);
  });
}
