// Editor services for the v2 layer types and per-layer rounding: quick fixes of the new checks,
// completion and hover of a window layer's own `rounding:`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { analyze } from '../../core/src/index';
import { codeActions } from '../../server/src/services/codeActions';
import { completion } from '../../server/src/services/completion';
import { hover } from '../../server/src/services/hover';
import { applyWorkspaceEdit, cursor } from './support';

function fixes(src: string) {
  const c = cursor(src);
  const p = c.doc.positionAt(c.offset);
  const actions = codeActions(c.analysis, c.doc, { start: p, end: p });
  return actions.map((a) => ({ title: a.title, text: applyWorkspaceEdit(c.doc, a.edit) }));
}

const HEAD = 'input: 8x8x3\nlayers:\n';

test('convtranspose: output_padding too large is fixed to the largest allowed value, and the error goes', () => {
  const [f] = fixes(HEAD + '  - {type: convtranspose, filters: 4, kernel: 3, stride: [2, 3], output_padding: [|2, 2]}\n');
  assert.ok(f);
  assert.equal(f.title, 'Set output_padding to [1, 2]');
  assert.equal(f.text, HEAD + '  - {type: convtranspose, filters: 4, kernel: 3, stride: [2, 3], output_padding: [1, 2]}\n');
  assert.deepEqual(analyze({ text: f.text, fileName: 'm.cnn.yaml' }).diagnostics.filter((d) => d.severity === 'error'), []);
});

test('convtranspose: in_channels is set to what arrives', () => {
  const [f] = fixes(HEAD + '  - {type: convtranspose, filters: 4, kernel: 3, in_channels: |16}\n');
  assert.equal(f?.title, 'Set in_channels to 3 (what arrives)');
});

test('a per-layer rounding with a typo is fixed to the nearest rounding', () => {
  const [f] = fixes(HEAD + '  - {type: maxpool, kernel: 3, stride: 2, rounding: |ceel}\n');
  assert.equal(f?.text, HEAD + '  - {type: maxpool, kernel: 3, stride: 2, rounding: ceil}\n');
});

test('a strict layer in a floor file gets padding/stride fixes that use its own rounding', () => {
  const src = 'input: 7x7x1\nrounding: floor\nlayers:\n  - type: co|nv\n    filters: 2\n    kernel: 2\n    stride: 2\n    rounding: strict\n';
  const all = fixes(src);
  assert.ok(all.length > 0);
  // Rounding the layer down (a fix issue 9 added) keeps the note as information; every other fix removes it.
  for (const f of all) assert.ok(!analyze({ text: f.text, fileName: 'm.cnn.yaml' }).diagnostics.some((d) => d.code === 'non-integer-output' && (d.severity === 'error' || !f.title.startsWith('Round this layer down'))), f.title);
});

test('completion: `rounding` is offered as a key of window layers only, and its values inside one', () => {
  const keys = (src: string) => { const c = cursor(src); return completion(c.analysis, c.doc, c.offset).map((i) => i.label); };
  assert.ok(keys(HEAD + '  - type: maxpool\n    kernel: 2\n    |\n').includes('rounding'));
  assert.ok(keys(HEAD + '  - type: convtranspose\n    filters: 2\n    kernel: 2\n    |\n').includes('rounding'));
  assert.ok(!keys(HEAD + '  - type: silu\n    |\n').includes('rounding'));
  assert.deepEqual(keys(HEAD + '  - type: avgpool\n    kernel: 2\n    rounding: |\n'), ['strict', 'floor', 'ceil']);
  assert.deepEqual(keys(HEAD + '  - type: upsample\n    scale: 2\n    mode: |\n'), ['nearest', 'bilinear']);
});

test('hover: a layer\'s `rounding` key explains that it overrides the file\'s; the layer hover shows the rounded arithmetic', () => {
  const at = (src: string) => { const c = cursor(src); return (hover(c.analysis, c.doc, c.offset)!.contents as MarkupContent).value; };
  assert.match(at(HEAD + '  - {type: maxpool, kernel: 2, roun|ding: ceil}\n'), /overriding the file's `rounding`/);
  assert.match(at('input: 9x9x1\nlayers:\n  - {type: max|pool, kernel: 2, rounding: ceil}\n'), /\(9 − 2 \+ 2·0\)\/2 \+ 1 = 4\.5 → 5 \(ceil\)/);
  assert.match(at(HEAD + '  - {type: convtrans|pose, filters: 2, kernel: 4, stride: 2, padding: 1}\n'), /\(8 − 1\)·2 − 2·1 \+ 4 = 16/);
});
