// The hover's dense-versus-convolution comparison (the tutorials' 100×100×3 → 1,000 neurons = 3×10⁷
// weights) on a conv and on the first dense layer only, and the "Explain this layer" link on conv and
// pool layers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { hover } from '../../server/src/services/hover';
import { count } from '../../server/src/services/denseComparison';
import { explainLenses } from '../../server/src/services/explainLenses';
import { setClientCommands } from '../../server/src/services/clientCommands';
import { open } from './support';

// As the VS Code extension says at initialize; the link and the lens are for a client with the command.
setClientCommands({ commands: ['cnnShape.explainLayer'] });

const MODEL = 'input: 100x100x3\nlayers:\n  - {type: conv, filters: 8, kernel: 5}\n  - {type: maxpool, kernel: 2}\n  - flatten\n  - {type: dense, units: 10}\n  - {type: dense, units: 5}\n';

function hoverAt(needle: string): string {
  const { analysis, doc, text } = open(MODEL);
  const h = hover(analysis, doc, text.indexOf(needle));
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

test("a conv's hover: 1,000 neurons on its 100×100×3 input would need 3×10⁷ weights; the conv has 8 × 5×5×3", () => {
  const h = hoverAt('conv');
  assert.match(h, /1,000 neurons connected to all 30,000 values of this 100×100×3 input would need 30,000,000 \(3×10⁷\) weights/);
  assert.match(h, /8 filters of 5×5×3 have 600\./);
  assert.match(h, /\[Explain this layer\]\(command:cnnShape\.explainLayer\?%5B%22file%3A%2F%2F%2Ftmp%2Fm\.cnn\.yaml%22%2C0%5D\)/);
});

test('the first dense layer: its neurons on the network input vs on what arrives; the second dense and the pool: none', () => {
  const first = hoverAt('dense, units: 10');
  // 100×100×3 = 30,000 values × 10 neurons = 300,000; after conv (96×96×8) and pool (48×48×8): 18,432 × 10 = 184,320.
  assert.match(first, /connected directly to the 100×100×3 network input \(30,000 values\), these 10 neurons would need 300,000 weights; here they take 18,432 values and have 184,320\./);
  assert.doesNotMatch(first, /Explain this layer/);
  assert.doesNotMatch(hoverAt('dense, units: 5'), /Dense vs convolution/);
  const pool = hoverAt('maxpool');
  assert.doesNotMatch(pool, /Dense vs convolution/);
  assert.match(pool, /command:cnnShape\.explainLayer\?%5B%22file%3A%2F%2F%2Ftmp%2Fm\.cnn\.yaml%22%2C1%5D/);
});

test('count: grouped, with powers of ten from a million', () => {
  assert.equal(count(600), '600');
  assert.equal(count(30_000_000), '30,000,000 (3×10⁷)');
  assert.equal(count(3_072_000), '3,072,000 (3.1×10⁶)');
  assert.equal(count(9_960_000), '9,960,000 (10⁷)');
});

test('code lenses: "Explain this layer" on each conv and pool with known sizes, once per definition line', () => {
  const { analysis, doc } = open(MODEL);
  const lenses = explainLenses(analysis, doc);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.command, l.command?.arguments]), [
    [2, 'cnnShape.explainLayer', [doc.uri, 0]],
    [3, 'cnnShape.explainLayer', [doc.uri, 1]],
  ]);
  assert.ok(lenses.every((l) => l.command?.title === 'Explain this layer'));
  // A conv whose input is unknown gets none.
  const broken = open('input: 8x8x3\nlayers:\n  - {type: conv, filters: 2, kernel: 3, inputs: nowhere}\n');
  assert.deepEqual(explainLenses(broken.analysis, broken.doc), []);
});

test('a client without the command gets neither the lens nor the link (the comparison stays)', () => {
  setClientCommands({});
  try {
    const { analysis, doc } = open(MODEL);
    assert.deepEqual(explainLenses(analysis, doc), []);
    const h = hoverAt('conv');
    assert.doesNotMatch(h, /Explain this layer/);
    assert.match(h, /Dense vs convolution/);
  } finally {
    setClientCommands({ commands: ['cnnShape.explainLayer'] });
  }
});
