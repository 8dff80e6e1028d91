// Every diagnostic code, triggered at the exact place: the expected range is marked in the test text
// with ⟦ ⟧, removed before analysis, and compared as offsets and as LSP line/character.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core/src/index';
import { CODES, type Code } from '../../core/src/index';

const covered = new Set<Code>();

function marked(src: string): { text: string; start: number; end: number } {
  const start = src.indexOf('⟦');
  const end = src.indexOf('⟧') - 1;
  assert.ok(start >= 0 && end >= start, 'test text needs ⟦ ⟧ markers');
  return { text: src.replace('⟦', '').replace('⟧', ''), start, end };
}

function expectAt(code: Code, src: string, opts: { file?: string; severity?: string; message?: RegExp; related?: boolean } = {}): void {
  covered.add(code);
  const { text, start, end } = marked(src);
  const file = opts.file ?? 'm.cnn.yaml';
  const a = analyze({ text, fileName: file });
  const hits = a.diagnostics.filter((d) => d.code === code);
  const where = hits.map((d) => `${d.span.start}-${d.span.end} ${d.message}`).join('\n');
  const d = hits.find((x) => x.span.start === start && x.span.end === end);
  assert.ok(d, `expected ${code} at ${start}-${end} ("${text.slice(start, end)}"), got:\n${where}\nall: ${a.diagnostics.map((x) => `${x.code}@${x.span.start}`).join(', ')}`);
  if (opts.severity) assert.equal(d.severity, opts.severity);
  if (opts.message) assert.match(d.message, opts.message);
  if (opts.related) assert.ok(d.related && d.related.length > 0, 'expected related information');
  const doc = TextDocument.create('file:///m', 'cnn-yaml', 1, text);
  const p = doc.positionAt(d.span.start);
  const before = text.slice(0, start).split(/\r\n|\n/);
  assert.deepEqual(p, { line: before.length - 1, character: before[before.length - 1]!.length });
}

test('non-integer-output: the tutorial 32×32 image, 4×4 filter, stride 3', () => {
  // On the stride, the value that does not divide (issue 9: not on the type).
  expectAt('non-integer-output', 'input: 32x32x3\nlayers:\n  - type: conv\n    filters: 8\n    kernel: 4\n    stride: ⟦3⟧\n', {
    severity: 'error',
    message: /\(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33/,
  });
});

test('non-integer-output under floor is information, with the rounded size', () => {
  expectAt('non-integer-output', 'input: 32x32x3\nrounding: floor\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: ⟦3⟧}\n', { severity: 'information', message: /10\.33 → 10/ });
});

test('channel-mismatch: in_channels, channels, in_features, groups, add depth', () => {
  expectAt('channel-mismatch', 'input: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, in_channels: ⟦1⟧}\n', { related: true, message: /in_channels is 1 .* depth 3/ });
  expectAt('channel-mismatch', 'input: 8x8x3\nlayers:\n  - type: batchnorm\n    channels: ⟦16⟧\n', { related: true });
  expectAt('channel-mismatch', 'input: 8x8x3\nlayers:\n  - flatten\n  - {type: dense, units: 2, in_features: ⟦100⟧}\n', { message: /192/ });
  expectAt('channel-mismatch', 'input: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, groups: ⟦2⟧}\n', { message: /groups 2 does not divide the 3 input channels/ });
  expectAt('channel-mismatch', 'input: 8x8x3\nlayers:\n  - {name: a, type: conv, filters: 4, kernel: 1}\n  - {name: b, type: conv, filters: 5, kernel: 1, inputs: input}\n  - {type: ⟦add⟧, inputs: [a, b]}\n', { related: true });
});

test('shape-mismatch: add and concat sizes, dense on a map', () => {
  expectAt('shape-mismatch', 'input: 8x8x3\nlayers:\n  - {name: a, type: conv, filters: 3, kernel: 3}\n  - type: ⟦add⟧\n    inputs: [a, input]\n', { related: true });
  expectAt('shape-mismatch', 'input: 8x8x3\nlayers:\n  - {name: a, type: maxpool, kernel: 2}\n  - {type: ⟦concat⟧, inputs: [a, input]}\n');
  expectAt('shape-mismatch', 'input: 28x28x1\nlayers:\n  - {type: conv, filters: 4, kernel: 3}\n  - type: ⟦dense⟧\n    units: 10\n', { message: /flatten/, related: true });
});

test('empty-output: a kernel larger than the padded input', () => {
  expectAt('empty-output', 'input: 4x4x1\nlayers:\n  - {type: ⟦conv⟧, filters: 1, kernel: 7}\n', { message: /below 1/ });
});

test('syntax: YAML and JSON errors at their position; the rest is still checked', () => {
  // The unclosed flow map is reported where its layer's text ends, at the start of the next line.
  expectAt('syntax', 'input: 32x32x3\nlayers:\n  - {type: relu\n⟦⟧  - relu\n');
  expectAt('syntax', '{"input": "8x8x1", "layers": ["relu" ⟦"relu"⟧]}', { file: 'm.cnn.json' });
  // A JSON error does not hide a shape error elsewhere.
  const a = analyze({ text: '{"input": "32x32x3", "layers": [{"type": "conv", "filters": 8, "kernel": 4, "stride": 3},]}', fileName: 'm.cnn.json' });
  assert.ok(a.diagnostics.some((d) => d.code === 'syntax'));
  assert.ok(a.diagnostics.some((d) => d.code === 'non-integer-output'));
});

test('unknown-layer-type and unknown-parameter suggest a spelling', () => {
  expectAt('unknown-layer-type', 'input: 8x8x1\nlayers:\n  - ⟦maxpol⟧\n', { message: /Did you mean 'maxpool'\?/ });
  expectAt('unknown-parameter', 'input: 8x8x1\nlayers:\n  - type: conv\n    ⟦filter⟧: 4\n    kernel: 3\n', { message: /Did you mean 'filters'\?/ });
});

test('suggestions know PyTorch and Keras spellings', () => {
  expectAt('unknown-layer-type', 'input: 8x8x1\nlayers:\n  - ⟦Conv2d⟧\n', { message: /Did you mean 'conv'\?/ });
  expectAt('unknown-layer-type', 'input: 8x8x1\nlayers:\n  - {type: ⟦Linear⟧, units: 3}\n', { message: /Did you mean 'dense'\?/ });
  expectAt('unknown-parameter', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, ⟦kernel_size⟧: 3}\n', { message: /Did you mean 'kernel'\?/ });
  expectAt('unknown-parameter', 'input: 8x8x1\nlayers:\n  - {type: conv, ⟦out_channels⟧: 2, kernel: 3}\n', { message: /Did you mean 'filters'\?/ });
});

test('unknown-key at the top level', () => {
  expectAt('unknown-key', 'input: 8x8x1\n⟦layer⟧: []\nlayers: [relu]\n', { severity: 'warning', message: /Did you mean 'layers'\?/ });
});

test('missing-parameter and missing-key', () => {
  expectAt('missing-parameter', 'input: 8x8x1\nlayers:\n  - type: ⟦conv⟧\n    kernel: 3\n', { message: /filters/ });
  expectAt('missing-parameter', 'input: 8x8x1\nlayers:\n  - ⟦dense⟧\n', { message: /units/ });
  expectAt('missing-key', '⟦layers⟧: [relu]\n', { message: /input/ });
});

test('wrong-type: text filters, a fractional filter count, a bad pair', () => {
  expectAt('wrong-type', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: ⟦"8"⟧, kernel: 3}\n', { message: /integer/ });
  expectAt('wrong-type', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: ⟦2.5⟧, kernel: 3}\n', { message: /whole number/ });
  expectAt('wrong-type', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: ⟦[1, 2, 3]⟧}\n');
});

test('out-of-range: zero, negative, a rate of 1.5, a huge number, a bad rounding', () => {
  expectAt('out-of-range', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: ⟦0⟧, kernel: 3}\n');
  expectAt('out-of-range', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: ⟦-3⟧}\n');
  expectAt('out-of-range', 'input: 8x8x1\nlayers:\n  - {type: dropout, rate: ⟦1.5⟧}\n', { message: /0 ≤ rate < 1/ });
  expectAt('out-of-range', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: ⟦1e300⟧, kernel: 3}\n', { message: /too large/ });
  expectAt('out-of-range', 'input: 8x8x1\nrounding: ⟦flor⟧\nlayers: [relu]\n', { message: /Did you mean 'floor'\?/ });
});

test('duplicate-key and duplicate-name', () => {
  expectAt('duplicate-key', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3, ⟦filters⟧: 4}\n');
  expectAt('duplicate-name', 'input: 8x8x1\nlayers:\n  - {name: a, type: relu}\n  - {name: ⟦a⟧, type: relu}\n', { related: true });
  expectAt('duplicate-name', 'input: 8x8x1\nlayers:\n  - {name: ⟦input⟧, type: relu}\n');
});

test('unknown-reference, forward-reference, cycle', () => {
  expectAt('unknown-reference', 'input: 8x8x1\nlayers:\n  - {name: conv1, type: relu}\n  - {type: relu, inputs: ⟦conv2⟧}\n', { message: /Did you mean 'conv1'\?/ });
  expectAt('forward-reference', 'input: 8x8x1\nlayers:\n  - {name: a, type: relu, inputs: ⟦b⟧}\n  - {name: b, type: relu, inputs: input}\n', { related: true });
  expectAt('cycle', 'input: 8x8x1\nlayers:\n  - {name: a, type: relu, inputs: ⟦a⟧}\n');
});

test('input-count: add with one input, relu with two', () => {
  expectAt('input-count', 'input: 8x8x1\nlayers:\n  - {name: a, type: relu}\n  - {type: add, inputs: ⟦[a]⟧}\n');
  expectAt('input-count', 'input: 8x8x1\nlayers:\n  - {name: a, type: relu}\n  - {type: relu, inputs: ⟦[a, input]⟧}\n');
});

test('padding-too-large for pooling, as PyTorch refuses', () => {
  expectAt('padding-too-large', 'input: 8x8x1\nlayers:\n  - {type: maxpool, kernel: 2, padding: ⟦2⟧}\n');
});

test('unused-layer is a warning tagged unnecessary', () => {
  expectAt('unused-layer', 'input: 8x8x1\nlayers:\n  - {name: ⟦side⟧, type: relu}\n  - {type: sigmoid, inputs: input}\n', { severity: 'warning' });
  const a = analyze({ text: 'input: 8x8x1\nlayers:\n  - {name: side, type: relu}\n  - {type: sigmoid, inputs: input}\n', fileName: 'm.cnn.yaml' });
  assert.deepEqual(a.diagnostics.find((d) => d.code === 'unused-layer')?.tags, ['unnecessary']);
});

test('parameter-shape: inline weights of the wrong shape', () => {
  expectAt('parameter-shape', 'input: 3x3x1\nlayers:\n  - type: conv\n    filters: 1\n    kernel: 3\n    parameters:\n      weight: ⟦[[1, 2], [3, 4]]⟧\n', { message: /\[1, 1, 3, 3\]/ });
});

test('empty-model: an empty layer list, or none at all, is an error (the schema\'s minItems)', () => {
  expectAt('empty-model', 'input: 8x8x1\nlayers: ⟦[]⟧\n', { severity: 'error' });
  expectAt('empty-model', 'input: 8x8x1\n⟦layers⟧:\n', { severity: 'error' });
  expectAt('empty-model', '{"input": "8x8x1", "layers": ⟦[]⟧}', { severity: 'error', file: 'm.cnn.json' });
});

test('unused-parameter: a block parameter no value uses, and `first` without `repeat`', () => {
  expectAt('unused-parameter', 'input: 8x8x1\nblocks:\n  b:\n    params: {f: 2, ⟦spare⟧: 1}\n    layers: [{type: conv, filters: $f, kernel: 1}]\nlayers:\n  - b\n', { severity: 'warning', message: /never uses its parameter 'spare'/ });
  expectAt('unused-parameter', 'input: 8x8x1\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - {type: b, ⟦first⟧: 1}\n', { severity: 'warning' });
});

test('blocks: a wrong substituted value at its $name, naming the copy, related to the use', () => {
  expectAt('out-of-range', 'input: 8x8x1\nblocks:\n  b:\n    params: {f: }\n    layers: [{type: conv, filters: ⟦$f⟧, kernel: 1}]\nlayers:\n  - {name: s, type: b, f: -2, repeat: 2}\n', { message: /^in s\.0, s\.1: filters is -2/, related: true });
});

test('positions are UTF-16 on lines with Chinese, emoji, CRLF', () => {
  expectAt('non-integer-output', '# 卷积 😀 example\r\ninput: 32x32x3 # 输入 🖼️\r\nlayers:\r\n  - {name: 第一层😀, type: conv, filters: 8, kernel: 4, stride: ⟦3⟧} # 不是整数\r\n');
  expectAt('unknown-parameter', 'input: 32x32x3\r\nlayers:\r\n  - type: conv # 😀😀\r\n    filters: 8\r\n    kernel: 3\r\n    ⟦strid⟧: 2\r\n');
});

test('conflicting-parameters: crop with both amount and like, at like, related to amount', () => {
  expectAt('conflicting-parameters', 'input: 16x16x3\nlayers:\n  - {name: s, type: conv, filters: 3, kernel: 5}\n  - {type: crop, amount: 2, like: ⟦s⟧, inputs: input}\n', { related: true, message: /either `amount` or `like`/ });
});

test('every code has a test that triggers it', () => {
  const missing = (Object.keys(CODES) as Code[]).filter((c) => !covered.has(c));
  assert.deepEqual(missing, []);
});
