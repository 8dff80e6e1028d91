// Sizes that are not whole read differently from whole ones: in inlay hints, the hover header and
// the summary; the squiggle is on the value at fault (the stride, else the kernel).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { renderSummaryText, summarize } from '../../core/src/index';
import { hover } from '../../server/src/services/hover';
import { inlayHints } from '../../server/src/services/inlayHints';
import { open } from './support';

const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
const hints = (text: string) => {
  const { analysis, doc } = open(text);
  return inlayHints(analysis, doc, all).map((h) => h.label as string);
};

test('a rounded size is marked in hints, hover header and summary; a whole one is not', () => {
  const bad = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n  - {type: conv, filters: 8, kernel: 4, stride: 2, padding: 1}\n';
  assert.deepEqual(hints(bad), ['→ ⚠ 10×10×8 (10.33 → 10)', '→ 5×5×8']);
  const { analysis, doc } = open(bad);
  const h = hover(analysis, doc, doc.offsetAt({ line: 2, character: 12 }));
  assert.match((h!.contents as MarkupContent).value, /^\*\*conv\*\* `32×32×3 → ⚠ 10×10×8 \(10\.33 → 10\)`/);
  assert.match(renderSummaryText(summarize(analysis)), /conv +⚠ 10×10×8 \(10\.33 → 10\) !/);
  // One axis only, and the kernel marked where no stride is written (a pool's stride follows it).
  const pool = 'input: 8x7x1\nlayers:\n  - {type: maxpool, kernel: 2}\n';
  assert.deepEqual(hints(pool), ['→ ⚠ 4×3×1 (height 3.5 → 3)']);
  const p = open(pool).analysis;
  const d = p.diagnostics.find((x) => x.code === 'non-integer-output')!;
  assert.equal(pool.slice(d.span.start, d.span.end), '2');
  assert.equal(pool.slice(d.span.start - 8, d.span.start), 'kernel: ');
});

test('under rounding: floor the size is as asked: a plain hint, the note in the hover', () => {
  const text = 'input: 32x32x3\nrounding: floor\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n';
  assert.deepEqual(hints(text), ['→ 10×10×8']);
  const { analysis, doc } = open(text);
  const h = hover(analysis, doc, doc.offsetAt({ line: 3, character: 12 }));
  assert.match((h!.contents as MarkupContent).value, /`32×32×3 → 10×10×8 \(10\.33 → 10, floor\)`/);
});
