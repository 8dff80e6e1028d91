// The v2 layer types of normalisation, products, padding and rearrangement in onnxruntime, compared
// layer by layer within 1e-4 with the independent reference (tests/runner/reference/), hand-picked
// cases and random ones.
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../core/src/index';
import { compareWithReference } from './helpers/models';

test('layernorm, groupnorm, instancenorm (with and without affine), scale', async () => {
  await compareWithReference(
    `input: 7x5x6
layers:
  - {type: conv, filters: 6, kernel: 1, name: c}
  - {type: layernorm, channels: 6, eps: 1e-6}
  - {type: groupnorm, groups: 3, inputs: c}
  - {type: groupnorm, groups: 6, eps: 0.01}
  - {type: groupnorm, groups: 1}
  - {type: instancenorm, inputs: c}
  - {type: instancenorm, affine: true, eps: 0.001}
  - {type: scale, channels: 6}
`,
    3,
  );
});

test('lrn: odd sizes (the ONNX op) and even sizes (built by hand), window larger than the depth', async () => {
  await compareWithReference(
    `input: 4x3x5
layers:
  - {type: lrn, size: 3, name: a}
  - {type: lrn, size: 2, alpha: 0.5, beta: 0.6, k: 2, inputs: input}
  - {type: lrn, size: 4, alpha: 1, inputs: input}
  - {type: lrn, size: 7, alpha: 2, beta: 1.5, inputs: input}
  - {type: lrn, size: 1, inputs: input}
`,
    5,
  );
});

test('multiply: squeeze-and-excitation (1×1×D × W×H×D), W×H×1 × 1×1×D, three inputs', async () => {
  await compareWithReference(
    `input: 6x5x4
layers:
  - {type: globalavgpool, name: g}
  - {type: conv, filters: 4, kernel: 1, name: e}
  - {type: sigmoid, name: s}
  - {type: multiply, inputs: [input, s], name: m1}
  - {type: conv, filters: 1, kernel: 1, inputs: input, name: one}
  - {type: multiply, inputs: [one, s], name: m2}
  - {type: multiply, inputs: [m1, one, s]}
`,
    7,
  );
});

test('pad (zeros, reflect, replicate; 1, 2 and 4 numbers) and crop (amount and like)', async () => {
  await compareWithReference(
    `input: 5x4x2
layers:
  - {type: pad, amount: 1, name: p1}
  - {type: pad, amount: [1, 2], mode: reflect, inputs: input}
  - {type: pad, amount: [3, 0, 2, 4], mode: replicate, inputs: input}
  - {type: pad, amount: [3, 2, 4, 1], mode: reflect, inputs: input, name: big}
  - {type: crop, amount: [1, 0, 2, 1]}
  - {type: crop, like: input, inputs: big}
  - {type: crop, like: p1, inputs: big}
  - {type: crop, amount: 1, inputs: p1}
`,
    9,
  );
});

test('slice (positive, negative, defaults), shuffle, pixelshuffle, pixelunshuffle', async () => {
  await compareWithReference(
    `input: 6x4x8
layers:
  - {type: slice, to: 3}
  - {type: slice, from: -5, inputs: input}
  - {type: slice, from: 2, to: -1, inputs: input}
  - {type: shuffle, groups: 2, inputs: input}
  - {type: shuffle, groups: 4, name: sh}
  - {type: pixelunshuffle, factor: 2, name: u}
  - {type: pixelshuffle, factor: 2}
  - {type: pixelshuffle, factor: 4, inputs: u}
  - {type: pixelunshuffle, factor: 1, inputs: sh}
`,
    11,
  );
});

type Layer = Record<string, unknown>;

/** Random v2 layers (with a join back to the layer two before for multiply and crop-like). */
const layer: fc.Arbitrary<Layer> = fc.oneof(
  fc.record({ type: fc.constant('layernorm'), eps: fc.constantFrom(1e-5, 1e-3) }),
  fc.record({ type: fc.constant('groupnorm'), groups: fc.constantFrom(1, 2, 3, 4) }),
  fc.record({ type: fc.constant('instancenorm'), affine: fc.boolean() }),
  fc.record({ type: fc.constant('lrn'), size: fc.integer({ min: 1, max: 5 }), alpha: fc.constantFrom(1e-4, 0.5), beta: fc.constantFrom(0.75, 1) }),
  fc.constant<Layer>({ type: 'scale' }),
  fc.record({ type: fc.constant('pad'), amount: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))), mode: fc.constantFrom('zeros', 'reflect', 'replicate') }),
  fc.record({ type: fc.constant('crop'), amount: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 }))) }),
  fc.record({ type: fc.constant('slice'), from: fc.integer({ min: -3, max: 2 }), to: fc.integer({ min: -2, max: 6 }) }),
  fc.record({ type: fc.constant('shuffle'), groups: fc.constantFrom(1, 2, 3) }),
  fc.record({ type: fc.constantFrom('pixelshuffle', 'pixelunshuffle'), factor: fc.constantFrom(1, 2) }),
  fc.record({ type: fc.constant('conv'), filters: fc.constantFrom(1, 2, 4, 6), kernel: fc.constantFrom(1, 3), padding: fc.constantFrom(0, 1) }),
  fc.constantFrom<Layer>({ type: 'multiply', join: true }, { type: 'crop', like: true }, { type: 'globalavgpool' }),
);

function modelText(w: number, h: number, d: number, layers: Layer[]): string {
  const lines = [`input: ${w}x${h}x${d}`, 'layers:'];
  layers.forEach((l, i) => {
    const { join, ...rest } = l;
    const back = i >= 2 ? String(i - 2) : 'input';
    if (join) Object.assign(rest, { inputs: [back, i >= 1 ? String(i - 1) : 'input'] });
    if (rest['like'] === true) rest['like'] = back;
    lines.push(`  - ${JSON.stringify(rest)}`);
  });
  return lines.join('\n') + '\n';
}

test('random models of the v2 types run in onnxruntime and match the reference', async () => {
  let ran = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 8 }),
      fc.integer({ min: 2, max: 8 }),
      fc.constantFrom(1, 2, 3, 4, 6),
      fc.array(layer, { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 0, max: 1000 }),
      async (w, h, d, layers, seed) => {
        const text = modelText(w, h, d, layers);
        fc.pre(!analyze({ text, fileName: 'p.cnn.yaml' }).diagnostics.some((x) => x.severity === 'error'));
        ran++;
        await compareWithReference(text, seed);
      },
    ),
    { numRuns: 80 },
  );
  if (ran < 30) throw new Error(`only ${ran} valid models were generated`);
});
