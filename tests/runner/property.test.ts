// Property: any small valid model (random layers, windows, rounding, branches) with random weights and
// input runs in onnxruntime without throwing, and every layer's output matches the reference.
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../core/src/index';
import { compareWithReference } from './helpers/models';

type Layer = Record<string, unknown>;

const padding = fc.oneof(fc.constantFrom<unknown>('same', 'valid'), fc.integer({ min: 0, max: 1 }), fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })));
const pair = (max: number) => fc.oneof(fc.integer({ min: 1, max }), fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max })));

const layer: fc.Arbitrary<Layer> = fc.oneof(
  fc.record({ type: fc.constant('conv'), filters: fc.integer({ min: 1, max: 4 }), kernel: pair(3), stride: pair(2), padding, dilation: pair(2), bias: fc.boolean() }),
  fc.record({ type: fc.constant('conv'), filters: fc.constant(4), kernel: fc.constant(3), padding: fc.constant(1), groups: fc.constantFrom(1, 2, 4) }),
  fc.record({ type: fc.constantFrom('maxpool', 'avgpool'), kernel: fc.integer({ min: 1, max: 3 }), stride: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constantFrom('maxpool', 'avgpool'), kernel: fc.integer({ min: 2, max: 3 }), stride: fc.integer({ min: 1, max: 2 }), padding: fc.constantFrom<unknown>(1, 'same') }),
  fc.constantFrom<Layer>({ type: 'relu' }, { type: 'sigmoid' }, { type: 'tanh' }, { type: 'gelu' }, { type: 'softmax' }, { type: 'dropout' }, { type: 'globalavgpool' }, { type: 'globalmaxpool' }, { type: 'flatten' }),
  fc.record({ type: fc.constant('leakyrelu'), slope: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
  fc.record({ type: fc.constant('batchnorm'), eps: fc.constantFrom(1e-5, 1e-3, 0.1) }),
  fc.record({ type: fc.constant('upsample'), scale: fc.integer({ min: 1, max: 2 }) }),
  // v2
  fc.record({ type: fc.constant('upsample'), scale: pair(3), mode: fc.constantFrom('nearest', 'bilinear') }),
  fc.record({
    type: fc.constant('convtranspose'), filters: fc.integer({ min: 1, max: 4 }), kernel: pair(3), stride: pair(2), padding: fc.constantFrom<unknown>(0, 1, [1, 0], 'same', 'valid'),
    output_padding: fc.constantFrom<unknown>(0, 1, [0, 1]), dilation: pair(2), bias: fc.boolean(),
  }),
  fc.record({ type: fc.constant('convtranspose'), filters: fc.constant(4), kernel: fc.constant(2), stride: fc.constant(2), groups: fc.constantFrom(1, 2, 4) }),
  fc.record({ type: fc.constantFrom('adaptiveavgpool', 'adaptivemaxpool'), size: pair(5) }),
  fc.constantFrom<Layer>({ type: 'relu6' }, { type: 'silu' }, { type: 'hardswish' }, { type: 'hardsigmoid' }, { type: 'mish' }, { type: 'elu' }),
  fc.record({ type: fc.constant('elu'), alpha: fc.double({ min: 0.1, max: 2, noNaN: true }) }),
  fc.record({ type: fc.constantFrom('maxpool', 'avgpool'), kernel: fc.integer({ min: 2, max: 3 }), stride: fc.integer({ min: 2, max: 3 }), padding: fc.constantFrom(0, 1), rounding: fc.constantFrom('floor', 'ceil', 'strict') }),
  fc.record({ type: fc.constant('conv'), filters: fc.integer({ min: 1, max: 3 }), kernel: pair(3), stride: pair(3), rounding: fc.constantFrom('floor', 'ceil') }),
  fc.record({ type: fc.constant('dense'), units: fc.integer({ min: 1, max: 5 }), bias: fc.boolean() }),
  // Branch joins: with the layer two back (names are the indices).
  fc.constantFrom<Layer>({ type: 'add', join: true }, { type: 'concat', join: true }),
);

/** Mostly single layers; sometimes flatten + dense, which a dense layer needs on a map larger than 1×1. */
const group: fc.Arbitrary<Layer[]> = fc.oneof(
  { weight: 4, arbitrary: layer.map((l) => [l]) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((units) => [{ type: 'flatten' }, { type: 'dense', units }]) },
);

function modelText(w: number, h: number, d: number, rounding: string, layers: Layer[]): string {
  const lines = [`input: ${w}x${h}x${d}`, `rounding: ${rounding}`, 'layers:'];
  layers.forEach((l, i) => {
    const { join, ...rest } = l;
    if (join) Object.assign(rest, { inputs: [i >= 2 ? String(i - 2) : 'input', i >= 1 ? String(i - 1) : 'input'] });
    lines.push(`  - ${JSON.stringify(rest)}`);
  });
  return lines.join('\n') + '\n';
}

test('random small valid models run in onnxruntime and match the reference', async () => {
  let ran = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 3, max: 10 }),
      fc.integer({ min: 3, max: 10 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom('strict', 'floor', 'ceil'),
      fc.array(group, { minLength: 1, maxLength: 5 }).map((g) => g.flat()),
      fc.integer({ min: 0, max: 1000 }),
      async (w, h, d, rounding, layers, seed) => {
        const text = modelText(w, h, d, rounding, layers);
        // Only valid models: the checker decides (fc.pre skips the others).
        fc.pre(!analyze({ text, fileName: 'p.cnn.yaml' }).diagnostics.some((x) => x.severity === 'error'));
        ran++;
        await compareWithReference(text, seed);
      },
    ),
    { numRuns: 80 },
  );
  // The generator must produce enough valid models for the property to mean something.
  if (ran < 40) throw new Error(`only ${ran} valid models were generated`);
});
