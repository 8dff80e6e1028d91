// The explain service (cnnShape/explain): a conv or pool layer in its own numbers. The tutorial's
// 32×32 image with F = 4, S = 3: 10.33 windows, the 11th hanging 2 pixels over the edge, 1 column no
// window reads, and the P = 1 fix giving 11×11; the receptive field of 3×3 after 3×3; and, against a
// brute-force walk of the windows, the coverage numbers for generated sizes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { explainLayer, windowAxis } from '../../server/src/services/explain';
import { analyze } from '../../core/src/index';
import { applyWorkspaceEdit, open } from './support';

const TUTORIAL = readFileSync('samples/tutorial/05-32x32-f4-s3-not-whole.cnn.yaml', 'utf8');

test('32×32, F = 4, S = 3: 10.33 is not whole, the next window hangs 2 pixels over, 1 column is read by no window', () => {
  const { analysis, doc } = open(TUTORIAL);
  const r = explainLayer(analysis, doc, { offset: TUTORIAL.lastIndexOf('stride: 3') });
  assert.equal(r.layerIndex, 0);
  const l = r.layer;
  assert.ok(l, r.reason);
  assert.equal(l.type, 'conv');
  assert.deepEqual(l.input, { width: 32, height: 32, depth: 3 });
  assert.deepEqual(l.output, { width: 10, height: 10, depth: 8 });
  for (const axis of [l.axes.width, l.axes.height]) {
    assert.equal(axis.whole, false);
    assert.equal(axis.exactText, '10.33');
    assert.ok(Math.abs(axis.exact - 31 / 3) < 1e-12);
    assert.equal(axis.output, 10);
    assert.equal(axis.arithmetic, '(32 − 4 + 2·0)/3 + 1 = 10.33');
    assert.deepEqual([axis.padBefore, axis.padAfter, axis.span, axis.stride], [0, 0, 4, 3]);
    // Windows start at 0, 3, …, 27 and end at 31: column 31 is left; the 11th would start at 30 and end at 34.
    assert.equal(axis.uncovered, 1);
    assert.deepEqual(axis.overhang, { start: 30, beyond: 2 });
  }
  assert.equal(l.filters, 8);
  assert.deepEqual(l.weights, { perFilter: 48, total: 392, biases: 8 });
  assert.deepEqual(l.fieldBefore, { size: [1, 1], jump: [1, 1] });
  assert.deepEqual(l.field, { size: [4, 4], jump: [3, 3] });
  assert.match(l.problem ?? '', /10\.33/);
});

test('the fixes are the quick fixes, each with the layer it gives: P = 1 → 11×11, every window fits', () => {
  const { analysis, doc } = open(TUTORIAL);
  const r = explainLayer(analysis, doc, { layerIndex: 0 });
  const titles = r.fixes.map((f) => f.title);
  assert.equal(titles[0], 'Set padding to 1 → 11×11×8', titles.join('\n'));
  const pad = r.fixes[0]!;
  assert.equal(pad.changes, 'padding');
  assert.ok(pad.after);
  assert.deepEqual(pad.after.output, { width: 11, height: 11, depth: 8 });
  for (const axis of [pad.after.axes.width, pad.after.axes.height]) {
    assert.deepEqual([axis.whole, axis.output, axis.padBefore, axis.padAfter, axis.uncovered, axis.overhang], [true, 11, 1, 1, 0, null]);
    assert.equal(axis.arithmetic, '(32 − 4 + 2·1)/3 + 1 = 11');
  }
  assert.equal(pad.after.problem, null);
  // The edit is the quick fix's: applied, the file checks clean with padding 1.
  const fixed = applyWorkspaceEdit(doc, pad.edit);
  assert.match(fixed, /padding: 1/);
  assert.deepEqual(analyze({ text: fixed, fileName: 'm.cnn.yaml' }).diagnostics.filter((d) => d.severity === 'error'), []);
  // Stride, kernel, input size and rounding are offered too, each saying what it changes.
  const changes = new Set(r.fixes.map((f) => f.changes));
  for (const c of ['padding', 'stride', 'kernel', 'input', 'rounding']) assert.ok(changes.has(c), `${c} in ${[...changes].join(', ')}`);
  const input = r.fixes.find((f) => f.changes === 'input' && f.title.includes('34x34x3'));
  assert.deepEqual(input?.after?.input, { width: 34, height: 34, depth: 3 });
  // Rounding floor keeps 10×10 and still shows the overhang (it is what floor drops).
  const floor = r.fixes.find((f) => f.changes === 'rounding')!;
  assert.equal(floor.after?.rounding, 'floor');
  assert.deepEqual(floor.after?.axes.width.overhang, { start: 30, beyond: 2 });
});

test('receptive field: 3×3 after 3×3 sees 5×5 of the input', () => {
  const text = readFileSync('samples/tutorial/08-receptive-field-3x3-after-3x3.cnn.yaml', 'utf8');
  const { analysis, doc } = open(text);
  const second = explainLayer(analysis, doc, { layerIndex: 1 }).layer;
  assert.ok(second);
  assert.deepEqual(second.fieldBefore, { size: [3, 3], jump: [1, 1] });
  assert.deepEqual(second.field, { size: [5, 5], jump: [1, 1] });
  assert.deepEqual(explainLayer(analysis, doc, { layerIndex: 1 }).fixes, [], 'a whole size has no fixes');
});

test('pooling: depth unchanged, no weights; ceil rounding makes the last window itself hang over', () => {
  const { analysis, doc } = open('input: 5x5x4\nrounding: ceil\nlayers:\n  - {type: maxpool, kernel: 2}\n');
  const l = explainLayer(analysis, doc, { layerIndex: 0 }).layer;
  assert.ok(l);
  assert.equal(l.filters, null);
  assert.equal(l.weights, null);
  assert.deepEqual(l.output, { width: 3, height: 3, depth: 4 });
  // Windows at 0, 2, 4: the last covers 4..5 of a 5-pixel row.
  assert.deepEqual([l.axes.width.uncovered, l.axes.width.overhang], [0, { start: 4, beyond: 1 }]);
});

test("padding 'same': TensorFlow's split, the smaller half first", () => {
  const { analysis, doc } = open('input: 5x5x1\nlayers:\n  - {type: conv, filters: 2, kernel: 4, padding: same}\n');
  const l = explainLayer(analysis, doc, { layerIndex: 0 }).layer;
  assert.ok(l);
  assert.equal(l.paddingSame, true);
  assert.deepEqual([l.axes.width.padBefore, l.axes.width.padAfter, l.axes.width.output, l.axes.width.uncovered], [1, 2, 5, 0]);
});

test('not a window layer, no layer, an unknown input: a reason instead of numbers', () => {
  const text = 'input: 8x8x3\nlayers:\n  - relu\n  - {type: conv, filters: 4, kernel: 3, inputs: nowhere}\n';
  const { analysis, doc } = open(text);
  const relu = explainLayer(analysis, doc, { offset: text.indexOf('relu') });
  assert.equal(relu.layerIndex, 0);
  assert.equal(relu.layer, null);
  assert.match(relu.reason ?? '', /relu/);
  const none = explainLayer(analysis, doc, { offset: 0 });
  assert.deepEqual([none.layerIndex, none.layer], [null, null]);
  assert.ok(none.reason);
  const broken = explainLayer(analysis, doc, { layerIndex: 1 });
  assert.equal(broken.layer, null);
  assert.ok(broken.reason);
  assert.equal(explainLayer(analysis, doc, { layerIndex: 99 }).layerIndex, null);
});

test('generated sizes: output, uncovered pixels and the overhang agree with walking the windows one by one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }), (n, k, s, p, d) => {
      const span = d * (k - 1) + 1;
      const padded = n + 2 * p;
      fc.pre(span <= padded);
      const a = windowAxis(n, k, s, p, d, 'strict', false);
      // The walk: windows start at 0, s, 2s, … while they fit in the padded row.
      let count = 0;
      let end = 0;
      for (let start = 0; start + span <= padded; start += s) {
        count++;
        end = start + span;
      }
      assert.equal(a.output, count);
      assert.equal(a.uncovered, padded - end);
      assert.equal(a.whole, (padded - span) % s === 0);
      if (a.whole) assert.equal(a.overhang, null);
      else {
        assert.equal(a.overhang?.start, count * s);
        assert.equal(a.overhang.beyond, count * s + span - padded);
        // At least one pixel over; the whole window when the stride jumps past the edge.
        assert.ok(a.overhang.beyond >= 1);
        assert.ok(a.uncovered >= 1 && a.uncovered < s);
      }
    }),
    { numRuns: 500 },
  );
});
