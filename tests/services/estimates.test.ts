// How an estimate after a mistake reads everywhere (and a `ref` parameter completes): the hover says "?" and then the guess with "≈",
// no inlay hint, "≈" in the outline and the summary (whose totals say they include estimates), and
// `output: null` in `cnnshape check --json`, as the spec asks where an output cannot be computed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { renderSummaryText, summarize } from '../../core/src/index';
import { toCliJson } from '../../cli/src/json';
import { documentSymbols } from '../../server/src/services/documentSymbols';
import { hover } from '../../server/src/services/hover';
import { inlayHints } from '../../server/src/services/inlayHints';
import { completion } from '../../server/src/services/completion';
import { cursor, open } from './support';

const TEXT = `input: 8x8x4
layers:
  - {name: p, type: maxpool, kernel: 2}
  - {name: j, type: add, inputs: [input, p]}
  - {name: c, type: conv, filters: 2, kernel: 3}
`;

test('hover on a layer after the mistake: unknown, then the estimate checking goes on with', () => {
  const c = cursor(TEXT.replace('type: conv', 'type: co|nv'));
  const v = (hover(c.analysis, c.doc, c.offset)!.contents as MarkupContent).value;
  assert.match(v, /→ \?`/);
  assert.match(v, /output unknown/);
  assert.match(v, /≈ `6×6×2`/);
});

test('no inlay hint for an estimate; the outline and the summary mark it with ≈', () => {
  const { analysis, doc } = open(TEXT);
  const hints = inlayHints(analysis, doc, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
  assert.deepEqual(hints.map((h) => h.label), ['→ 4×4×4']);
  const layers = documentSymbols(analysis, doc).find((s) => s.name === 'layers')!;
  assert.deepEqual(layers.children!.map((s) => s.detail), ['maxpool → 4×4×4', 'add → ≈8×8×4', 'conv → ≈6×6×2']);
  assert.equal(layers.detail, '3 layers → ≈6×6×2');
  const text = renderSummaryText(summarize(analysis));
  assert.match(text, /≈6×6×2/);
  assert.match(text, /Total params: ≈74 /);
  assert.match(text, /2 layers after an error have estimated shapes/);
});

test('cnnshape check --json: output null for an estimate, its parameters still given', () => {
  const { analysis, doc } = open(TEXT);
  const json = toCliJson({ file: 'm.cnn.yaml', doc, analysis });
  assert.deepEqual(json.layers.map((l) => l.output), [{ width: 4, height: 4, depth: 4 }, null, null]);
  assert.equal(json.layers[2]!.params, 74);
});

test("completion after crop's like: the earlier layers' names, as after inputs", () => {
  const c = cursor('input: 16x16x3\nlayers:\n  - {name: small, type: conv, filters: 3, kernel: 5}\n  - type: crop\n    inputs: input\n    like: |\n');
  const labels = completion(c.analysis, c.doc, c.offset).map((i) => i.label);
  assert.deepEqual(labels, ['input', 'small']);
});
