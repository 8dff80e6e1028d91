// A model too large to run is refused with the layer and the numbers, before anything is allocated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';
import { ModelError } from '../../runner/src/errors';
import { checkRunnable } from '../../runner/src/run/sizeCheck';

const model = (text: string) => analyze({ text, fileName: 'm.cnn.yaml' });

test('an output too large for one tensor names the layer and its shape', () => {
  const a = model('input: 100000x100000x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3}\n');
  assert.throws(() => checkRunnable(a, 'm.cnn.yaml'), (e: unknown) => e instanceof ModelError && /input 100000×100000×3|layer 0 \(conv\): its output 99998×99998×4/.test(e.message));
});

test('weights too large for one tensor name the layer, the key and the shape', () => {
  const a = model('input: 32x32x3\nlayers:\n  - {name: big, type: conv, filters: 2000000000, kernel: 3}\n');
  assert.throws(() => checkRunnable(a, 'm.cnn.yaml'), /layer 0 \('big', conv\): its weight \[2000000000, 3, 3, 3\]/);
});

test('a model that fits in one tensor but not in the free memory says how much it needs', () => {
  const a = model('input: 224x224x3\nlayers:\n  - {type: conv, filters: 64, kernel: 3, padding: 1}\n');
  assert.throws(() => checkRunnable(a, 'm.cnn.yaml', 1_000_000), /needs about 13\.4\d MB .* only 1\.00 MB of memory is free/);
  assert.doesNotThrow(() => checkRunnable(a, 'm.cnn.yaml', 1e9));
});
