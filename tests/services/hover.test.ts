import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { hover } from '../../server/src/services/hover';
import { cursor, positionOf } from './support';

function hoverText(src: string, file?: string): string {
  const c = cursor(src, file);
  const h = hover(c.analysis, c.doc, c.offset);
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

const TUTORIAL = 'input: 32x32x3\nlayers:\n  - type: co|nv\n    filters: 8\n    kernel: 4\n    padding: 1\n    stride: 3\n';

test('layer hover: shapes, the arithmetic with the file\'s numbers, params, MACs, receptive field', () => {
  const v = hoverText(TUTORIAL);
  assert.match(v, /^\*\*conv\*\* `32×32×3 → 11×11×8`/);
  // Width and height have the same arithmetic here, so it is written once.
  assert.match(v, /width, height: \(32 − 4 \+ 2·1\)\/3 \+ 1 = 11/);
  assert.match(v, /depth: filters = 8/);
  const params = 8 * (3 * 4 * 4) + 8;
  const macs = 11 * 11 * 8 * (3 * 4 * 4);
  assert.match(v, new RegExp(`params ${params} · MACs ${macs.toLocaleString('en-US')}`));
  assert.match(v, /receptive field 4×4, jump 3/);
});

test('layer hover of a layer with an error says so, first, with where the fixes are', () => {
  const v = hoverText(TUTORIAL.replace('    padding: 1\n', ''));
  const lines = v.replace(/\\(.)/g, '$1').split(/ {2}\n|\n/); // Markdown escapes undone
  assert.match(lines[1] ?? '', /^❌ .*\(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33.*Ctrl\+\./, v);
  // A layer without errors has no such line.
  assert.ok(!hoverText(TUTORIAL).includes('❌'));
  // Over the squiggle (`3` of `stride: 3`) the editor shows the diagnostic itself: not said twice.
  assert.ok(!hoverText(TUTORIAL.replace('    padding: 1\n', '').replace('stride: 3', 'stride: |3').replace('co|nv', 'conv')).includes('❌'));
});

test('layer hover: the same on any part of the layer, and per axis where they differ', () => {
  assert.match(hoverText(TUTORIAL.replace('co|nv', 'conv').replace('stride: 3', 'stride: |3')), /11×11×8/);
  const v = hoverText('input: 32x16x3\nlayers:\n  - {type: maxpool, kernel: [2, 4]|}\n');
  assert.match(v, /`32×16×3 → 8×8×3`/);
  assert.match(v, /width: \(32 − 4 \+ 2·0\)\/4 \+ 1 = 8/);
  assert.match(v, /height: \(16 − 2 \+ 2·0\)\/2 \+ 1 = 8/);
  assert.match(v, /receptive field 4×2, jump 4×2/);
});

test('layer hover: a named layer, several inputs, an unknown output', () => {
  const v = hoverText('input: 8x8x4\nlayers:\n  - {name: a, type: conv, filters: 4, kernel: 1}\n  - {name: sum, type: a|dd, inputs: [a, input]}\n');
  assert.match(v, /\*\*add\*\* `sum` `8×8×4 \+ 8×8×4 → 8×8×4`/);
  const u = hoverText('input: 8x8x4\nlayers:\n  - {type: conv, filters: 4}\n  - rel|u\n');
  assert.match(u, /→ \?/);
  assert.match(u, /output unknown/);
});

test('parameter hover: meaning, default and the value written', () => {
  const v = hoverText(TUTORIAL.replace('co|nv', 'conv').replace('stride: 3', 'str|ide: 3'));
  assert.match(v, /\*\*stride\*\* \(conv\)/);
  assert.match(v, /how far the filter moves/);
  assert.match(v, /default `1` · here `3`/);
  assert.match(hoverText(TUTORIAL.replace('co|nv', 'conv').replace('filters', 'filt|ers')), /required/);
  assert.match(hoverText('input: 8x8x3\nlayers:\n  - {type: relu, na|me: r}\n'), /unique name/);
});

test('hover on a name in inputs: that layer\'s output shape', () => {
  const src = 'input: 28x28x1\nlayers:\n  - {name: c1, type: conv, filters: 6, kernel: 5}\n  - {name: c2, type: conv, filters: 6, kernel: 5, inputs: c1}\n  - {type: concat, inputs: [c|1, c2]}\n';
  assert.match(hoverText(src), /`c1`: layer 0 \(conv\) → `24×24×6`/);
  assert.match(hoverText(src.replace('[c|1, c2]', '[c1, inp|ut]')), /network input `28×28×1`/);
});

test('top-level keys and the input value', () => {
  assert.match(hoverText('rou|nding: floor\ninput: 8x8x3\nlayers: [relu]\n'), /PyTorch/);
  assert.match(hoverText('input: 8x8|x3\nlayers: [relu]\n'), /network input `8×8×3`/);
  const c = cursor('name: x|\ninput: 8x8x3\nlayers: [relu]\n');
  assert.equal(hover(c.analysis, c.doc, c.offset), null);
});

test('JSON: the same hovers', () => {
  const v = hoverText('{"input": "32x32x3", "layers": [{"type": "conv", "filters": 8, "kernel": 4, "str|ide": 2}]}', 'm.cnn.json');
  assert.match(v, /\*\*stride\*\* \(conv\)/);
  assert.match(hoverText('{"input": "32x32x3", "layers": [{"type": "co|nv", "filters": 8, "kernel": 4, "stride": 2}]}', 'm.cnn.json'), /`32×32×3 → 15×15×8`/);
});

test('hover range in UTF-16 on a line with Chinese text, emoji and CRLF', () => {
  const text = 'input: 32x32x3\r\nlayers:\r\n  - {name: "卷积😀", type: conv, filters: 8, kernel: 3}  # 第一层\r\n';
  const offset = text.indexOf('conv') + 2;
  const c = cursor(text.slice(0, offset) + '|' + text.slice(offset));
  const h = hover(c.analysis, c.doc, c.offset);
  assert.ok(h?.range);
  assert.deepEqual(h.range.start, positionOf(text, 'conv'));
  assert.deepEqual(h.range.end, { ...positionOf(text, 'conv'), character: positionOf(text, 'conv').character + 4 });
  assert.match((h.contents as MarkupContent).value, /`卷积😀`/);
});

test('a layer name with backticks cannot break out of its code span', () => {
  const v = hoverText('input: 8x8x3\nlayers:\n  - {name: "a`b ``c", type: re|lu}\n');
  assert.ok(v.includes('``` a`b ``c ```') || v.includes('```a`b ``c```'), v);
});

test('nothing to say outside the model', () => {
  const c = cursor('input: 8x8x3\nlayers: [relu]\n# a comment|\n');
  assert.equal(hover(c.analysis, c.doc, c.offset), null);
});

test('a layer name with blank lines stays inside its code span', () => {
  const v = hoverText('input: 8x8x3\nlayers:\n  - {name: "a\\n\\n**b** <img src=x>", type: re|lu}\n');
  assert.ok(v.includes('`a **b** <img src=x>`'), v);
});
