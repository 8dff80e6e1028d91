// Typos: transposed letters count as one edit (`cnov` → conv), short words two slips away still get
// the closest name, and one misspelt required parameter gives one error, with its fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, editDistance, LAYER_TYPES, suggest } from '../../core/src/index';

const diags = (text: string) => analyze({ text, fileName: 'm.cnn.yaml' }).diagnostics;
const HEAD = 'input: 32x32x3\nlayers:\n';

test('edit distance: a metric where a swap of neighbours costs one', () => {
  assert.equal(editDistance('cnov', 'conv'), 1);
  assert.equal(editDistance('mxapool', 'maxpool'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
  fc.assert(fc.property(word, word, (a, b) => {
    const d = editDistance(a, b);
    assert.equal(d, editDistance(b, a));
    assert.ok(d <= Math.max(a.length, b.length) && d >= Math.abs(a.length - b.length));
    assert.equal(d === 0, a === b);
  }));
  fc.assert(fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.nat(), (w, k) => {
    const i = k % (w.length - 1);
    const swapped = w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2);
    assert.ok(editDistance(w, swapped) <= 1);
  }));
});

test('suggestions for slips in layer type names', () => {
  for (const [typo, meant] of [['cnov', 'conv'], ['dnse', 'dense'], ['mxpool', 'maxpool'], ['flaten', 'flatten'], ['reul', 'relu'], ['sotfmax', 'softmax']]) {
    assert.deepEqual(suggest(typo!, LAYER_TYPES), [meant], typo);
  }
  assert.deepEqual(suggest('xyzzy', LAYER_TYPES), []);
});

test('`cnov` is an unknown type with "did you mean conv" and a replace fix', () => {
  const [d, ...rest] = diags(HEAD + '  - cnov\n');
  assert.equal(rest.length, 0);
  assert.equal(d?.code, 'unknown-layer-type');
  assert.match(d.message, /Did you mean 'conv'\?/);
  const fix = d.fix as { kind: string; span: { start: number; end: number }; suggestions: unknown };
  assert.equal(fix.kind, 'replace');
  assert.deepEqual([fix.span.start, fix.span.end], [HEAD.length + 4, HEAD.length + 8]);
  assert.deepEqual(fix.suggestions, [{ text: 'conv', title: "Change to 'conv'" }]);
});

test('one parameter typo, one error: unknown-parameter with the fix, not also missing-parameter', () => {
  for (const key of ['kernal', 'kernel_size', 'krenel', 'Kernel']) {
    const ds = diags(HEAD + `  - {type: conv, filters: 8, ${key}: 3}\n  - relu\n`);
    assert.deepEqual(ds.map((d) => d.code), ['unknown-parameter'], `${key}: ${ds.map((d) => d.message).join(' | ')}`);
    assert.match(ds[0]!.message, /Did you mean 'kernel'/);
  }
  // A key that is no spelling of the missing parameter leaves both errors.
  assert.deepEqual(diags(HEAD + '  - {type: conv, filters: 8, colour: 3}\n').map((d) => d.code).sort(), ['missing-parameter', 'unknown-parameter']);
  assert.deepEqual(diags(HEAD + '  - {type: conv, filters: 8}\n').map((d) => d.code), ['missing-parameter']);
});
