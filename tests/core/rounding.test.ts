// Rounding edge cases found by comparing with PyTorch (tests/pytorch/compare.py): a whole size is the
// same in every mode, so `ceil` never gives a convolution fewer outputs than PyTorch's Conv2d.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';

function out(layer: string, input = '9x9x3', rounding = 'ceil') {
  const a = analyze({ text: `input: ${input}\nrounding: ${rounding}\nlayers:\n  - ${layer}\n`, fileName: 'r.cnn.yaml' });
  return a.layers[0]!.output;
}

test('ceil keeps a whole conv size where the last window is all padding (PyTorch Conv2d gives 11)', () => {
  assert.deepEqual(out('{type: conv, filters: 3, kernel: 1, padding: 1}'), { width: 11, height: 11, depth: 3 });
  assert.deepEqual(out('{type: conv, filters: 3, kernel: 1, stride: [2, 1], padding: [1, 0]}'), { width: 9, height: 6, depth: 3 });
});

test('ceil still rounds a conv up where the size is not whole, and pools by ceil_mode', () => {
  assert.deepEqual(out('{type: conv, filters: 1, kernel: 2, stride: 2}'), { width: 5, height: 5, depth: 1 });
  assert.deepEqual(out('{type: maxpool, kernel: 2}'), { width: 5, height: 5, depth: 3 });
  assert.deepEqual(out('{type: maxpool, kernel: 2}', '9x9x3', 'floor'), { width: 4, height: 4, depth: 3 });
});
