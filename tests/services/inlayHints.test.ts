import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlayHints } from '../../server/src/services/inlayHints';
import { open, positionOf } from './support';

const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

test('a hint after each layer: at the end of the line with its type, before a comment that ends it', () => {
  const text = 'input: 32x32x1\nlayers:\n  - type: conv  # 第一层 😀\n    filters: 6\n    kernel: 5\n  - relu\n  - {type: maxpool, kernel: 2}\n';
  const { analysis, doc } = open(text);
  const hints = inlayHints(analysis, doc, whole);
  assert.deepEqual(hints.map((h) => h.label), ['→ 28×28×6', '→ 28×28×6', '→ 14×14×6']);
  assert.deepEqual(hints[0]!.position, positionOf(text, '  # 第一层'));
  assert.deepEqual(hints[1]!.position, positionOf(text, '\n  - {type'));
  assert.ok(hints.every((h) => h.paddingLeft));
  // The tutorials' own comments (`# → 3×3×1`) stay apart from the hint, in flow style too.
  const tut = 'input: 5x5x1\nlayers:\n  - {type: conv, filters: 1, kernel: 3}   # sees 3×3 → 3×3×1\n';
  const h2 = inlayHints(open(tut).analysis, open(tut).doc, whole);
  assert.deepEqual(h2[0]!.position, positionOf(tut, '   # sees'));
});

test('layers sharing a line get their hint right after themselves; CRLF lines end before \\r', () => {
  const text = 'input: 8x8x3\r\nlayers: [{type: conv, filters: 4, kernel: 3}, relu]\r\n';
  const { analysis, doc } = open(text);
  const hints = inlayHints(analysis, doc, whole);
  assert.deepEqual(hints.map((h) => h.label), ['→ 6×6×4', '→ 6×6×4']);
  assert.deepEqual(hints[0]!.position, positionOf(text, ', relu'));
  assert.deepEqual(hints[1]!.position, positionOf(text, '\r\n', 1));
});

test('only the layers in the requested range, and none where the shape is unknown', () => {
  const lines = ['input: 64x64x3', 'layers:'];
  for (let i = 0; i < 50; i++) lines.push('  - {type: conv, filters: 3, kernel: 3, padding: 1}');
  lines.push('  - {type: conv, filters: 3}');
  const { analysis, doc } = open(lines.join('\n') + '\n');
  const some = inlayHints(analysis, doc, { start: { line: 10, character: 0 }, end: { line: 14, character: 0 } });
  assert.deepEqual(some.map((h) => h.position.line), [10, 11, 12, 13]);
  assert.equal(inlayHints(analysis, doc, whole).length, 50);
});

test('JSON, one layer a line', () => {
  const text = '{\n  "input": "16x16x3",\n  "layers": [\n    {"type": "conv", "filters": 2, "kernel": 3},\n    {"type": "flatten"}\n  ]\n}\n';
  const { analysis, doc } = open(text, 'm.cnn.json');
  const hints = inlayHints(analysis, doc, whole);
  assert.deepEqual(hints.map((h) => [h.label, h.position]), [
    ['→ 14×14×2', positionOf(text, '\n    {"type": "flatten"')],
    ['→ 1×1×392', positionOf(text, '\n  ]')],
  ]);
});
