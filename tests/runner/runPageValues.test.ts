// The run page's exact values and the evaluation page (client/src/run): the X-or-O run keeps the input
// grid of 1 and -1 and the small maps' values, the dense and softmax outputs become labelled bars, a
// resized photo is noted with both sizes, image headers give the file's size, the enlarged view writes
// numbers as the tutorial does; the evaluation page escapes every class name and path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, summarize } from '../../core/src/index';
import { heatClass, renderEvaluationBody, renderEvaluationPage, MATRIX_MAX } from '../../client/src/run/evalHtml';
import { renderRunBody } from '../../client/src/run/html';
import { sizeFromHeader } from '../../client/src/run/imageSize';
import { isFromRunPage, PREVIEW_LIMITS, parseShape, toView, valueRequest, VALUE_LIMIT } from '../../client/src/run/view';
import { cellText, gridOf } from '../../client/src/run/webview/grid';
import { runPipeline } from '../../runner/src/run/pipeline';
import type { EvaluationRun } from '../../runner/src/run/evaluate';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const root = join(__dirname, '../..');
const xoModel = join(root, 'samples/xo/xo.cnn.yaml');
const tmp = tempDir('pagevalues');

function floats(b64: string): Float32Array {
  const b = Buffer.from(b64, 'base64');
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

test('X or O: the input grid of 1 and -1, the conv map of the "\\" filter, the vote and softmax as labelled bars', async () => {
  const text = readFileSync(xoModel, 'utf8');
  const s = summarize(analyze({ text, fileName: xoModel }));
  const want = valueRequest(s.rows, s.input);
  assert.deepEqual(want, { keepOutputsOf: [0, 1, 2, 4, 5], keepInputs: true });
  const r = await runPipeline({ modelFile: xoModel, text, images: [join(root, 'samples/xo/x.png')], previews: { ...PREVIEW_LIMITS }, ...want });
  const { view, pixels } = toView(r, 'xo.cnn.yaml', [{ width: 9, height: 9 }]);
  assert.equal(view.images[0]!.original, undefined, 'a 9×9 picture was not resized');
  const values = pixels[0]!.values;
  assert.deepEqual(values.map((v) => [v.layer, v.channels, v.width, v.height]), [[-1, 1, 9, 9], [0, 3, 9, 9], [2, 3, 3, 3]]);
  const input = Array.from(floats(values[0]!.b64));
  assert.ok(input.every((v) => v === 1 || v === -1));
  const conv = floats(values[1]!.b64);
  // The "\" filter (channel 0) over the grid padded with zeros, computed here.
  const at = (y: number, x: number) => (y < 0 || x < 0 || y > 8 || x > 8 ? 0 : input[y * 9 + x]!);
  const filter = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]];
  for (let y = 0; y < 9; y++) {
    for (let x = 0; x < 9; x++) {
      const want = filter.reduce((s, row, i) => s + row.reduce((a, w, j) => a + w * at(y + i - 1, x + j - 1), 0), 0);
      assert.equal(conv[y * 9 + x], want, `(${y}, ${x})`);
    }
  }
  const g = gridOf({ width: 9, height: 9, channels: 3, data: conv }, 0);
  assert.ok(g.integers);
  assert.equal(g.rows[4]![4], conv[40]);
  const vectors = view.images[0]!.vectors;
  assert.deepEqual(vectors.map((v) => [v.layer, v.type, v.size, v.bars.map((b) => b.label)]), [[4, 'dense', 2, ['X', 'O']], [5, 'softmax', 2, ['X', 'O']]]);
  const body = renderRunBody(view);
  assert.match(body, /4 vote \(dense\), 2 values/);
  // One bar per value, each scaled between the vector's lowest (or 0) and highest value.
  assert.equal([...body.matchAll(/<span class="bar(?: negative)?" data-value="[-0-9.e]+" data-lo="[-0-9.e]+" data-hi="[-0-9.e]+">/g)].length, 4);
  assert.match(body, /<span class="barlabel" title="#0">X<\/span>/);
});

test('a photo resized to the input size is noted with both sizes: scaled when the proportions stay, squashed when not', async () => {
  const text = 'input: 8x8x3\nlayers:\n  - {type: conv, filters: 2, kernel: 3}\n';
  const model = tmp.write('m.cnn.yaml', text);
  const file = tmp.write('wide.png', pngBytes(32, 16, () => [10, 20, 30, 255]));
  const r = await runPipeline({ modelFile: model, text, images: [file, file], previews: { ...PREVIEW_LIMITS } });
  const { view } = toView(r, 'm.cnn.yaml', [{ width: 32, height: 16 }, { width: 16, height: 16 }]);
  assert.deepEqual(view.images.map((i) => i.original), [{ width: 32, height: 16 }, { width: 16, height: 16 }]);
  const body = renderRunBody({ ...view, images: [view.images[0]!] });
  assert.match(body, /The picture is 32×16: squashed to the input size 8×8 \(its proportions changed\)\./);
  assert.match(renderRunBody({ ...view, images: [view.images[1]!] }), /The picture is 16×16: scaled to the input size 8×8\./);
});

test('image headers: PNG and JPEG sizes without decoding; anything else is unknown', () => {
  assert.deepEqual(sizeFromHeader(readFileSync(join(root, 'samples/images/scene-320x240.jpg'))), { width: 320, height: 240 });
  assert.deepEqual(sizeFromHeader(readFileSync(join(root, 'samples/xo/x.png'))), { width: 9, height: 9 });
  assert.deepEqual(sizeFromHeader(pngBytes(7, 3, () => [0, 0, 0, 255])), { width: 7, height: 3 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
    const got = sizeFromHeader(Buffer.from(bytes));
    assert.ok(got === undefined || (Number.isInteger(got.width) && Number.isInteger(got.height)));
  }));
  assert.equal(sizeFromHeader(Buffer.from('not an image')), undefined);
});

test('values are asked only for small layers and short vectors', () => {
  assert.deepEqual(parseShape('⚠ 10×10×8 (10.33 → 10)'), { width: 10, height: 10, depth: 8 });
  assert.equal(parseShape('?'), undefined);
  const rows = [
    { index: 0, type: 'conv', output: '224×224×64' },
    { index: 1, type: 'conv', output: '28×28×6' },
    { index: 2, type: 'flatten', output: '1×1×400' },
    { index: 3, type: 'dense', output: '1×1×120' },
    { index: 4, type: 'dense', output: '1×1×4096' },
    { index: 5, type: 'softmax', output: '1×1×1000' },
  ];
  assert.deepEqual(valueRequest(rows, '224×224×3'), { keepOutputsOf: [1, 3, 5], keepInputs: false });
  assert.ok(28 * 28 * 6 <= VALUE_LIMIT);
});

test('cell text: integers as the tutorial prints them, other values with two decimals', () => {
  assert.deepEqual([1, -1, 9, -0, 0].map((v) => cellText(v, true)), ['1', '-1', '9', '0', '0']);
  assert.deepEqual([0.7777, -0.111, 1, 123456, 0.0001].map((v) => cellText(v, false)), ['0.78', '-0.11', '1.00', '1.2e+5', '1.0e-4']);
});

const HOSTILE_RUN: EvaluationRun = {
  images: 3,
  accuracy: 1 / 3,
  top5: 1,
  classes: [
    { name: '<img src=x onerror=alert(1)>', label: 0, images: 2, correct: 1, precision: 1, recall: 0.5 },
    { name: '"><svg onload=alert(2)>', label: 1, images: 1, correct: 0, precision: 0, recall: 0 },
  ],
  confusion: { classes: ['<img src=x onerror=alert(1)>', '"><svg onload=alert(2)>'], matrix: [[1, 1, 0], [1, 0, 0]] },
  worst: [{ image: '/d/<script>alert(3)</script>.png', trueClass: '<img src=x onerror=alert(1)>', predicted: 'a & b', trueScore: 0.01 }],
  errors: [{ image: '/d/bad.png', error: '<b>bad</b>: not a PNG or JPEG' }],
  warnings: [],
  engine: 'native',
};

test('the evaluation page: escaped names and paths, a heat class per cell, a strict CSP', () => {
  const body = renderEvaluationBody({ title: '<i>t</i>', folder: 'd', run: HOSTILE_RUN, worstNames: ['<script>alert(3)</script>.png'] });
  const allowed = new Set(['h1', 'h3', 'p', 'dl', 'div', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);
  for (const m of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) assert.ok(allowed.has(m[1]!.toLowerCase()), `unexpected tag <${m[1]}>`);
  assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(body, /&lt;script&gt;alert\(3\)&lt;\/script&gt;\.png/);
  assert.match(body, /&lt;b&gt;bad&lt;\/b&gt;/);
  assert.equal([...body.matchAll(/<td class="cell /g)].length, 2 * 3);
  assert.match(body, /<td class="cell h5 diag"[^>]*>1<\/td><td class="cell h5"[^>]*>1<\/td><td class="cell h0"[^>]*>0<\/td>/);
  assert.match(body, /data-open="0"/);
  const page = renderEvaluationPage(body, { nonce: 'abc', cspSource: 'https://x', scriptUri: 'https://x/dist/evalWebview.js', title: 't' });
  assert.match(page, /default-src 'none'; img-src https:\/\/x; style-src 'nonce-abc'; script-src 'nonce-abc';/);
  assert.deepEqual([...page.matchAll(/<script[^>]*>/g)].map((m) => m[0]), ['<script nonce="abc" src="https://x/dist/evalWebview.js">']);
  assert.throws(() => renderEvaluationPage('', { nonce: '"><', cspSource: '', scriptUri: '', title: '' }), /nonce/);
});

test('heat classes: a cell\'s share of its row in tenths; the matrix shows at most MATRIX_MAX classes', () => {
  fc.assert(fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
    const total = a + b;
    const h = Number(heatClass(a, total).slice(1));
    assert.ok(h >= 0 && h <= 10);
    assert.equal(h === 0, a === 0);
  }));
  const n = MATRIX_MAX + 5;
  const names = Array.from({ length: n }, (_, i) => `c${i}`);
  const run: EvaluationRun = { ...HOSTILE_RUN, classes: [], worst: [], errors: [], confusion: { classes: names, matrix: names.map(() => new Array<number>(n + 1).fill(0)) } };
  const body = renderEvaluationBody({ title: 't', folder: 'd', run, worstNames: [] });
  assert.equal([...body.matchAll(/<td class="cell /g)].length, MATRIX_MAX * (MATRIX_MAX + 1));
  assert.match(body, new RegExp(`The first ${MATRIX_MAX} of ${n} classes are shown`));
  assert.match(body, /Every image was classified correctly/);
});

test('the page\'s zoomed and themed messages are checked', () => {
  assert.ok(isFromRunPage({ type: 'zoomed', title: 't', cells: [['1', '-1']] }));
  assert.ok(isFromRunPage({ type: 'themed', charts: 2, colour: '#3794ff' }));
  for (const bad of [{ type: 'zoomed', title: 't', cells: [[1]] }, { type: 'zoomed', cells: [] }, { type: 'themed', charts: -1, colour: 'x' }, { type: 'themed', charts: 1 }]) {
    assert.equal(isFromRunPage(bad), false, JSON.stringify(bad));
  }
});
