// The v2 layer types of layersA (convtranspose, adaptive pools, the new activations, upsample's mode
// and [h, w] scale) and per-layer rounding: shapes, counts, hover arithmetic, and each check at the
// exact range (⟦ ⟧ marks it in the test text), with its numbers, related information and quick fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, type CoreDiagnostic } from '../../core/src/index';

function analyse(layers: string, input = '8x6x4', rounding?: string) {
  return analyze({ text: `input: ${input}\n${rounding ? `rounding: ${rounding}\n` : ''}layers:\n${layers}`, fileName: 'v2.cnn.yaml' });
}

function only(src: string, code: string): { d: CoreDiagnostic; text: string } {
  const start = src.indexOf('⟦');
  const end = src.indexOf('⟧') - 1;
  const text = src.replace('⟦', '').replace('⟧', '');
  const a = analyze({ text, fileName: 'v2.cnn.yaml' });
  const hits = a.diagnostics.filter((d) => d.code === code);
  const d = hits.find((x) => x.span.start === start && x.span.end === end);
  assert.ok(d, `expected ${code} at ${start}-${end} ("${text.slice(start, end)}"), got: ${a.diagnostics.map((x) => `${x.code}@${x.span.start}-${x.span.end} ${x.message}`).join(' | ')}`);
  return { d, text };
}

// ---------------------------------------------------------------- convtranspose

test('convtranspose: the spec formula per axis, params [depth, filters/groups, kh, kw] + bias, MACs over the input', () => {
  const a = analyse('  - {type: convtranspose, filters: 6, kernel: [3, 2], stride: [2, 3], padding: [1, 0], output_padding: [1, 2], groups: 2}\n');
  const r = a.layers[0]!;
  // height (6 − 1)·2 − 2 + 3 + 1 = 12; width (8 − 1)·3 − 0 + 2 + 2 = 25
  assert.deepEqual(r.output, { width: 25, height: 12, depth: 6 });
  assert.equal(r.params, 4 * 3 * 3 * 2 + 6);
  assert.equal(r.macs, 8 * 6 * 4 * 3 * 3 * 2);
  assert.deepEqual(r.arithmetic, ['width: (8 − 1)·3 − 2·0 + 2 + 2 = 25', 'height: (6 − 1)·2 − 2·1 + 3 + 1 = 12', 'depth: filters = 6']);
  assert.equal(a.diagnostics.length, 0);
});

test('convtranspose: dilation, same (n·s), valid, no bias; receptive field: an upsampling then a window', () => {
  const a = analyse(
    '  - {type: convtranspose, filters: 2, kernel: 3, dilation: 2, stride: 2, output_padding: 1, bias: false}\n' +
    '  - {type: convtranspose, filters: 2, kernel: 4, stride: 2, padding: same}\n' +
    '  - {type: convtranspose, filters: 2, kernel: 1, stride: 3, padding: same}\n' +
    '  - {type: convtranspose, filters: 2, kernel: 2, stride: 2, padding: valid}\n',
  );
  assert.deepEqual(a.layers[0]!.output, { width: 20, height: 16, depth: 2 }); // (8 − 1)·2 + 2·2 + 1 + 1
  assert.equal(a.layers[0]!.params, 4 * 2 * 9);
  assert.deepEqual(a.layers[0]!.arithmetic[0], 'width: (8 − 1)·2 − 2·0 + 2·(3 − 1) + 1 + 1 = 20');
  assert.deepEqual(a.layers[1]!.output, { width: 40, height: 32, depth: 2 });
  assert.deepEqual(a.layers[1]!.arithmetic[0], "width: 20·2 = 40 (padding 'same')");
  assert.deepEqual(a.layers[2]!.output, { width: 120, height: 96, depth: 2 });
  assert.deepEqual(a.layers[3]!.output, { width: 240, height: 192, depth: 2 });
  // jump 1/2, field 1 + (5 − 1)·1/2 = 3 after the first layer
  assert.deepEqual(a.layers[0]!.field, { size: [3, 3], jump: [0.5, 0.5] });
});

test('convtranspose: output_padding not smaller than stride or dilation is out-of-range at the value, with a fix', () => {
  const { d } = only('input: 8x8x3\nlayers:\n  - {type: convtranspose, filters: 4, kernel: 3, stride: 2, output_padding: ⟦2⟧}\n', 'out-of-range');
  assert.match(d.message, /output_padding is 2, but it must be smaller than the stride 2 or the dilation 1 .*at most 1/);
  assert.deepEqual(d.fix && d.fix.kind === 'replace' ? d.fix.suggestions.map((s) => s.text) : [], ['1']);
  // one axis at fault: the message names it, the fix keeps the other
  const b = only('input: 8x8x3\nlayers:\n  - {type: convtranspose, filters: 4, kernel: 3, stride: [2, 3], output_padding: ⟦[2, 2]⟧}\n', 'out-of-range');
  assert.match(b.d.message, /output_padding \(height\) is 2/);
  assert.deepEqual(b.d.fix && b.d.fix.kind === 'replace' ? b.d.fix.suggestions.map((s) => s.text) : [], ['[1, 2]']);
  // smaller than the dilation is enough (PyTorch)
  assert.equal(analyse('  - {type: convtranspose, filters: 4, kernel: 3, dilation: 3, output_padding: 2}\n').diagnostics.length, 0);
});

test('convtranspose: output_padding with padding same is refused at the value', () => {
  const { d } = only('input: 8x8x3\nlayers:\n  - {type: convtranspose, filters: 4, kernel: 3, stride: 2, padding: same, output_padding: ⟦1⟧}\n', 'out-of-range');
  assert.match(d.message, /padding 'same'.*n·stride/);
});

test('convtranspose: groups must divide depth and filters (channel-mismatch at groups, the producer related)', () => {
  const a = only('input: 8x8x3\nlayers:\n  - {type: convtranspose, filters: 4, kernel: 3, groups: ⟦2⟧}\n', 'channel-mismatch');
  assert.match(a.d.message, /groups 2 does not divide the 3 input channels/);
  assert.ok(a.d.related?.length);
  const b = only('input: 8x8x4\nlayers:\n  - {type: convtranspose, filters: 6, kernel: 3, groups: ⟦4⟧}\n', 'channel-mismatch');
  assert.match(b.d.message, /groups 4 does not divide the 6 filters/);
});

test('convtranspose: in_channels is checked, related to the producer, fixed to what arrives', () => {
  const { d } = only('input: 8x8x3\nlayers:\n  - {name: c, type: conv, filters: 5, kernel: 1}\n  - {type: convtranspose, filters: 4, kernel: 3, in_channels: ⟦3⟧}\n', 'channel-mismatch');
  assert.match(d.message, /in_channels is 3 but 'c' gives depth 5/);
  assert.equal(d.related?.[0]?.message.startsWith("'c'"), true);
  assert.deepEqual(d.fix, { kind: 'set-value', span: d.span, value: '5' });
});

test('convtranspose: padding that removes everything is empty-output at the padding', () => {
  const { d } = only('input: 2x2x1\nlayers:\n  - {type: convtranspose, filters: 1, kernel: 1, padding: ⟦1⟧}\n', 'empty-output');
  assert.match(d.message, /\(2 − 1\)·1 − 2·1 \+ 1 = 0 is below 1/);
  assert.ok(d.related?.length);
});

test('property: convtranspose undoes a conv of the same kernel, stride and padding (PyTorch\'s output_padding picks the size)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), (n, k, s, p) => {
      fc.pre(p * 2 < k + 1 && n + 2 * p >= k);
      const down = Math.floor((n + 2 * p - k) / s) + 1;
      const op = (n + 2 * p - k) % s; // < s: always allowed
      const a = analyse(`  - {type: convtranspose, filters: 1, kernel: ${k}, stride: ${s}, padding: ${p}, output_padding: ${op}}\n`, `${down}x${down}x1`);
      assert.deepEqual(a.layers[0]!.output, { width: n, height: n, depth: 1 });
    }),
  );
});

// ---------------------------------------------------------------- adaptive pools

test('adaptive pools: size int or [h, w], depth kept, uneven windows in the arithmetic, no params', () => {
  const a = analyse('  - {type: adaptiveavgpool, size: [4, 3]}\n  - {type: adaptivemaxpool, size: 2, inputs: input}\n', '7x10x5');
  assert.deepEqual(a.layers[0]!.output, { width: 3, height: 4, depth: 5 });
  assert.deepEqual(a.layers[1]!.output, { width: 2, height: 2, depth: 5 });
  assert.equal(a.layers[0]!.params + a.layers[0]!.macs, 0);
  // width 7 → 3: cells 0..3, 2..5, 4..7: windows 3, 3, 3; height 10 → 4: 0..3, 2..5, 5..8, 7..10
  assert.deepEqual(a.layers[0]!.arithmetic, ['width: size = 3 (from 7: windows 3, 3, 3)', 'height: size = 4 (from 10: windows 3, 3, 3, 3)', 'depth: unchanged = 5']);
  assert.match(a.layers[1]!.arithmetic[1]!, /from 10: every window 5/);
  // larger than the input: allowed, as in PyTorch (windows repeat pixels)
  assert.deepEqual(analyse('  - {type: adaptiveavgpool, size: 9}\n', '3x3x1').layers[0]!.output, { width: 9, height: 9, depth: 1 });
  assert.equal(analyse('  - {type: adaptiveavgpool, size: 9}\n', '3x3x1').diagnostics.length, 0);
});

test('adaptive pools: size is required and at least 1 (the reader\'s checks, at the value)', () => {
  only('input: 8x8x1\nlayers:\n  - {type: adaptiveavgpool, size: ⟦0⟧}\n', 'out-of-range');
  only('input: 8x8x1\nlayers:\n  - ⟦adaptivemaxpool⟧\n', 'missing-parameter');
});

test('AdaptiveAvgPool2d names the adaptive type now, not globalavgpool', () => {
  const a = analyse('  - AdaptiveAvgPool2d\n');
  assert.match(a.diagnostics[0]!.message, /Did you mean 'adaptiveavgpool'\?/);
});

// ---------------------------------------------------------------- activations, upsample

test('relu6, silu, hardswish, hardsigmoid, mish, elu keep the shape; elu takes alpha', () => {
  const a = analyse('  - relu6\n  - silu\n  - hardswish\n  - hardsigmoid\n  - mish\n  - elu\n  - {type: elu, alpha: 0.5}\n');
  assert.equal(a.diagnostics.length, 0);
  for (const r of a.layers) assert.deepEqual(r.output, { width: 8, height: 6, depth: 4 });
  only('input: 8x8x1\nlayers:\n  - {type: elu, alpha: ⟦fast⟧}\n', 'wrong-type');
});

test('upsample: [h, w] scale, bilinear mode; v1 files keep their meaning; a wrong mode is out-of-range at the value', () => {
  const a = analyse('  - {type: upsample, scale: [2, 3], mode: bilinear}\n  - {type: upsample, scale: 2}\n');
  assert.deepEqual(a.layers[0]!.output, { width: 24, height: 12, depth: 4 });
  assert.deepEqual(a.layers[0]!.arithmetic, ['width: 8·3 = 24', 'height: 6·2 = 12']);
  assert.deepEqual(a.layers[1]!.output, { width: 48, height: 24, depth: 4 });
  assert.equal(a.diagnostics.length, 0);
  const { d } = only('input: 8x8x1\nlayers:\n  - {type: upsample, scale: 2, mode: ⟦bicubic⟧}\n', 'out-of-range');
  assert.match(d.message, /'nearest' or 'bilinear'/);
});

// ---------------------------------------------------------------- per-layer rounding

test('per-layer rounding overrides the file\'s for that layer alone (GoogLeNet\'s ceil_mode pool in a floor network)', () => {
  const a = analyse('  - {type: maxpool, kernel: 3, stride: 2, rounding: ceil}\n  - {type: maxpool, kernel: 3, stride: 2, inputs: input}\n', '112x112x4', 'floor');
  assert.deepEqual(a.layers[0]!.output, { width: 56, height: 56, depth: 4 });
  assert.deepEqual(a.layers[1]!.output, { width: 55, height: 55, depth: 4 });
  assert.equal(a.model.layers[0]!.rounding?.value, 'ceil');
  assert.equal(a.model.layers[1]!.rounding, undefined);
  // the message and severity follow the layer's rounding
  const info = a.diagnostics.find((d) => d.layerIndex === 0 && d.code === 'non-integer-output')!;
  assert.equal(info.severity, 'information');
  assert.match(info.message, /→ 56 \(ceil\).*ceil_mode/);
});

test('a strict layer in a floor file is an error with quick-fix options; a floor layer in a strict file has none', () => {
  const strict = analyse('  - {type: conv, filters: 2, kernel: 2, stride: 2, rounding: strict}\n', '7x7x1', 'floor');
  const d = strict.diagnostics.find((x) => x.code === 'non-integer-output')!;
  assert.equal(d.severity, 'error');
  assert.equal(d.fix?.kind, 'padding-stride');
  const floor = analyse('  - {type: conv, filters: 2, kernel: 2, stride: 2, rounding: floor}\n', '7x7x1');
  const f = floor.diagnostics.find((x) => x.code === 'non-integer-output')!;
  assert.equal(f.severity, 'information');
  assert.equal(f.fix, undefined);
  assert.deepEqual(floor.layers[0]!.output, { width: 3, height: 3, depth: 2 });
});

test('rounding on a layer without a window is unknown-parameter at the key; a bad value is out-of-range at the value', () => {
  const { d } = only('input: 8x8x1\nlayers:\n  - {type: relu, ⟦rounding⟧: ceil}\n', 'unknown-parameter');
  assert.match(d.message, /relu has no parameter 'rounding'.*conv, maxpool, avgpool, convtranspose/);
  const b = only('input: 8x8x1\nlayers:\n  - {type: avgpool, kernel: 2, rounding: ⟦cel⟧}\n', 'out-of-range');
  assert.match(b.d.message, /rounding must be strict, floor or ceil.*Did you mean 'ceil'\?/);
  assert.deepEqual(b.d.fix && b.d.fix.kind === 'replace' ? b.d.fix.suggestions.map((s) => s.text) : [], ['ceil']);
});
