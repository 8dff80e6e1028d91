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
