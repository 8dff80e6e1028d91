// onnxruntime's outputs for small networks covering every layer type and window rule, compared layer
// by layer within 1e-4 with the independent reference in tests/runner/reference/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithReference } from './helpers/models';
import { layerOutputName } from '../../runner/src/onnx/buildGraph';

test('conv: stride, [h, w] padding, dilation, groups, same (uneven), no bias', async () => {
  await compareWithReference(
    `input: 11x9x4
rounding: floor
layers:
  - {type: conv, filters: 6, kernel: [3, 2], stride: [2, 1], padding: [1, 0]}
  - {type: conv, filters: 6, kernel: 3, dilation: 2, padding: 2, groups: 3}
  - {type: conv, filters: 4, kernel: 3, stride: 2, padding: same, inputs: input}
  - {type: conv, filters: 4, kernel: 4, stride: 3, padding: same, inputs: input}
  - {type: conv, filters: 8, kernel: 1, bias: false, inputs: input}
  - {type: conv, filters: 8, kernel: 2, dilation: [1, 2], padding: valid, groups: 4, inputs: input}
  - {type: conv, filters: 6, kernel: [2, 3], stride: [3, 2], padding: [2, 1], dilation: [2, 1], groups: 2, inputs: input}
`,
    1,
  );
});

test('pools with rounding: ceil (PyTorch ceil_mode, avg divisor clipped at the padded edge) and conv with ceil', async () => {
  await compareWithReference(
    `input: 13x10x3
rounding: ceil
layers:
  - {type: maxpool, kernel: 3, stride: 2, padding: 1, name: m}
  - {type: avgpool, kernel: 3, stride: 2, padding: 1, inputs: input, name: a1}
  - {type: avgpool, kernel: 2, stride: 2, inputs: input, name: a2}
  - {type: maxpool, kernel: [3, 2], stride: [2, 3], inputs: input, name: m2}
  - {type: avgpool, kernel: [2, 3], stride: [3, 2], padding: [1, 1], inputs: input, name: a3}
  - {type: conv, filters: 2, kernel: 3, stride: 2, inputs: input, name: c}
  # ceil_mode drops a last window that would start in the right padding (13 wide: 8 → 7 windows)
  - {type: maxpool, kernel: 2, stride: 2, padding: 1, inputs: input}
  - {type: avgpool, kernel: 2, stride: 2, padding: 1, inputs: input}
  - {type: conv, filters: 2, kernel: 1, padding: [0, 1], inputs: input}
  - {type: concat, inputs: [m, a1]}
`,
    2,
  );
});

test('pools with same padding (avg over real pixels, as Keras) and count_include_pad with numeric padding', async () => {
  await compareWithReference(
    `input: 9x7x2
rounding: floor
layers:
  - {type: maxpool, kernel: 3, stride: 2, padding: same, name: m}
  - {type: avgpool, kernel: 3, stride: 2, padding: same, inputs: input, name: a}
  - {type: avgpool, kernel: 3, stride: 1, padding: 1, inputs: input, name: b}
  - {type: maxpool, kernel: 2, stride: 1, padding: 1, inputs: input, name: c}
  - {type: globalavgpool, inputs: m}
  - {type: globalmaxpool, inputs: b}
  - {type: concat, inputs: [4, 5]}
`,
    3,
  );
});

test('batchnorm (eps), activations, softmax over depth, dropout, upsample, add, concat', async () => {
  await compareWithReference(
    `input: 6x5x3
layers:
  - {type: conv, filters: 4, kernel: 3, padding: 1, name: c}
  - {type: batchnorm, eps: 0.001}
  - gelu
  - {type: leakyrelu, slope: 0.2, name: l}
  - {type: sigmoid, inputs: c, name: s}
  - {type: tanh, inputs: c, name: t}
  - {type: add, inputs: [l, s, t], name: sum}
  - {type: softmax, name: sm}
  - {type: dropout, rate: 0.3}
  - {type: upsample, scale: 2, name: up}
  - {type: upsample, scale: 3, inputs: sum, name: up3}
  - {type: maxpool, kernel: [6, 7], stride: 1, inputs: up3}
  - {type: concat, inputs: [up, 11]}
  - relu
`,
    4,
  );
});

test('flatten in torch.flatten order, dense with and without bias', async () => {
  const { got, ref } = await compareWithReference(
    `input: 4x3x2
layers:
  - flatten
  - {type: dense, units: 5}
  - {type: dense, units: 3, bias: false}
`,
    5,
  );
  // Flatten must not reorder: on NCHW its values are the input's in memory order (depth, rows, columns).
  assert.equal(got[layerOutputName(0)]!.data.length, 24);
  assert.deepEqual(got[layerOutputName(0)]!.dims, [1, 24, 1, 1]);
  assert.equal(ref[0]!.c, 24);
});

test('a residual block (conv, batchnorm, relu, add) with a strided 1×1 shortcut, ending in global pool and dense', async () => {
  await compareWithReference(
    `input: 16x16x3
rounding: floor
layers:
  - {type: conv, filters: 8, kernel: 7, stride: 2, padding: 3, bias: false}
  - batchnorm
  - {type: relu, name: stem}
  - {type: conv, filters: 16, kernel: 3, stride: 2, padding: 1, bias: false}
  - batchnorm
  - relu
  - {type: conv, filters: 16, kernel: 3, padding: 1, bias: false}
  - {type: batchnorm, name: main}
  - {type: conv, filters: 16, kernel: 1, stride: 2, bias: false, inputs: stem}
  - {type: batchnorm, name: short}
  - {type: add, inputs: [main, short]}
  - relu
  - globalavgpool
  - flatten
  - {type: dense, units: 10}
  - softmax
`,
    6,
  );
});

test('the WebAssembly fallback (forced) computes the same as the reference', async () => {
  await compareWithReference(
    `input: 8x8x2
rounding: ceil
layers:
  - {type: conv, filters: 3, kernel: 3, stride: 2, padding: same}
  - gelu
  - {type: avgpool, kernel: 3, stride: 2, padding: 1}
  - flatten
  - {type: dense, units: 4}
`,
    7,
    { forceWasm: true, threads: 1 },
  );
});

test('convtranspose: stride, padding, output_padding, dilation, groups, same (kernel longer and shorter than the stride), no bias', async () => {
  await compareWithReference(
    `input: 5x4x4
layers:
  - {type: convtranspose, filters: 6, kernel: 3, stride: 2, padding: 1, output_padding: 1}
  - {type: convtranspose, filters: 4, kernel: [3, 2], stride: [2, 3], padding: [1, 0], output_padding: [0, 2], inputs: input}
  - {type: convtranspose, filters: 6, kernel: 3, dilation: 2, stride: 2, output_padding: [1, 0], groups: 2, inputs: input}
  - {type: convtranspose, filters: 4, kernel: 4, stride: 2, padding: same, inputs: input}
  - {type: convtranspose, filters: 4, kernel: 3, stride: 2, padding: same, groups: 4, inputs: input}
  - {type: convtranspose, filters: 2, kernel: 1, stride: 3, padding: same, bias: false, inputs: input}
  - {type: convtranspose, filters: 2, kernel: 2, stride: 2, padding: valid, bias: false, inputs: input}
  - {type: convtranspose, filters: 3, kernel: 5, padding: 2, inputs: input}
  # output_padding at least the stride (allowed below the dilation) and above the padding: rows of bias alone
  - {type: convtranspose, filters: 3, kernel: 2, stride: 1, dilation: 3, output_padding: 2, inputs: input}
  - {type: convtranspose, filters: 3, kernel: 3, stride: 3, padding: [1, 0], output_padding: 2, inputs: input}
`,
    8,
  );
});

test('adaptive pools with uneven and overlapping windows, larger than the input, and even (MaxPool path)', async () => {
  await compareWithReference(
    `input: 10x7x3
layers:
  - {type: adaptiveavgpool, size: 3}
  - {type: adaptivemaxpool, size: 3, inputs: input}
  - {type: adaptiveavgpool, size: [4, 6], inputs: input}
  - {type: adaptivemaxpool, size: [4, 6], inputs: input}
  - {type: adaptivemaxpool, size: [7, 5], inputs: input}
  - {type: adaptiveavgpool, size: [9, 13], inputs: input}
  - {type: adaptivemaxpool, size: [9, 13], inputs: input}
  - {type: adaptiveavgpool, size: 1, inputs: input}
  - {type: adaptivemaxpool, size: [1, 2], inputs: input}
`,
    9,
  );
});

test('v2 activations, elu alpha, bilinear and non-square upsample, per-layer rounding', async () => {
  await compareWithReference(
    `input: 7x6x3
rounding: floor
layers:
  - {type: conv, filters: 4, kernel: 3, padding: 1, name: c}
  - relu6
  - {type: silu, inputs: c}
  - {type: hardswish, inputs: c}
  - {type: hardsigmoid, inputs: c}
  - {type: mish, inputs: c}
  - {type: elu, inputs: c}
  - {type: elu, alpha: 0.3, inputs: c}
  - {type: upsample, scale: [2, 3], inputs: c}
  - {type: upsample, scale: 2, mode: bilinear, inputs: c}
  - {type: upsample, scale: [3, 2], mode: bilinear, inputs: c}
  - {type: maxpool, kernel: 2, rounding: ceil, inputs: c}
  - {type: avgpool, kernel: 3, stride: 2, padding: 1, rounding: ceil, inputs: c}
  - {type: conv, filters: 2, kernel: 2, stride: 2, rounding: ceil, inputs: c}
  - {type: concat, inputs: [1, 2, 3, 4, 5, 6, 7]}
`,
    10,
  );
});
