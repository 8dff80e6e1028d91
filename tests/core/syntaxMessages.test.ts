// A missing colon is said once, in this format's words, without the parser's follow-on errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';

const diags = (text: string) => analyze({ text, fileName: 'm.cnn.yaml' }).diagnostics.map((d) => `${d.code}: ${d.message}`);

test('a parameter line without its colon: one error, naming the key', () => {
  const got = diags('input: 32x32x3\nlayers:\n  - type: conv\n    filters 8\n    kernel: 3\n  - relu\n  - {type: maxpool, kernel: 2}\n');
  assert.deepEqual(got, ["syntax: missing ':' after 'filters' in `filters 8`: each line of a mapping reads `key: value`, e.g. `filters: 8`"]);
});

test('`layers` without its colon: one error, not the parser\'s line-by-line complaints', () => {
  const body = Array.from({ length: 30 }, (_, i) => `  - type: conv\n    filters: ${i + 1}\n    kernel: 3\n`).join('');
  const got = diags(`input: 32x32x3\nlayers\n${body}`);
  assert.equal(got.length, 1, got.join('\n'));
  assert.match(got[0]!, /^syntax: missing ':' after 'layers'/);
  assert.doesNotMatch(got[0]!, /Implicit keys/);
});

test('the rest of the file is still checked where it can be read', () => {
  const got = diags('input: 32x32x3\nlayers:\n  - type: conv\n    filters 8\n    kernel: 3\n  - {type: conv, filters: 4, kernel: 4, stride: 3, inputs: input}\n');
  assert.ok(got.some((d) => d.startsWith('non-integer-output')), got.join('\n'));
});

test('layers without a name are counted from 1 in messages: "the 3rd layer (maxpool)"', () => {
  const got = diags('input: 28x28x1\nlayers:\n  - {type: conv, filters: 4, kernel: 3}\n  - relu\n  - {type: maxpool, kernel: 2}\n  - {type: conv, filters: 4, kernel: 3}\n  - {type: add, inputs: [2, 3]}\n');
  assert.deepEqual(got, ['shape-mismatch: add inputs differ in size: the 3rd layer (maxpool) is 13 × 13, the 4th layer (conv) is 11 × 11']);
  const named = diags('input: 28x28x1\nlayers:\n  - {name: pool, type: maxpool, kernel: 2}\n  - {type: conv, filters: 4, kernel: 3, inputs: input}\n  - {type: add, inputs: [pool, 1]}\n');
  assert.match(named[0]!, /'pool' is 14 × 14, the 2nd layer \(conv\) is 26 × 26/);
  const many = diags(`input: 8x8x1\nlayers:\n${'  - relu\n'.repeat(21)}  - {type: dense, units: 2, inputs: 20}\n`);
  assert.ok(many.some((m) => m.includes('the 21st layer (relu)')), many.join('\n'));
});
