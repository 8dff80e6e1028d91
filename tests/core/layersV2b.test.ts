// The v2 types layernorm, groupnorm, instancenorm, lrn, scale, multiply, pad, crop, slice, shuffle,
// pixelshuffle and pixelunshuffle: shapes and counts, and every check at the value at fault (the
// expected range is marked ⟦ ⟧ in the text), with the numbers in the message and related information.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, refParams, type Analysis, type Code } from '../../core/src/index';

function analyse(text: string): Analysis {
  return analyze({ text, fileName: 'm.cnn.yaml' });
}

function errors(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

/** The one diagnostic with `code` at the ⟦ ⟧ range; checks message, related information and fix. */
function expectAt(code: Code, src: string, opts: { message?: RegExp; related?: boolean; fix?: string } = {}) {
  const start = src.indexOf('⟦');
  const end = src.indexOf('⟧') - 1;
  const text = src.replace('⟦', '').replace('⟧', '');
  const a = analyse(text);
  const d = a.diagnostics.find((x) => x.code === code && x.span.start === start && x.span.end === end);
  assert.ok(d, `expected ${code} at "${text.slice(start, end)}", got: ${a.diagnostics.map((x) => `${x.code}@${x.span.start}-${x.span.end} ${x.message}`).join('; ')}`);
  if (opts.message) assert.match(d.message, opts.message);
  if (opts.related) assert.ok(d.related?.length, 'related information');
  if (opts.fix !== undefined) assert.deepEqual(d.fix && 'value' in d.fix ? d.fix.value : undefined, opts.fix);
  // One mistake, one error.
  assert.equal(a.diagnostics.filter((x) => x.severity === 'error').length, 1, errors(a).join('\n'));
  return { a, d };
}

const shape = (a: Analysis, i: number) => a.layers[i]!.output;

test('norms and layer scale keep the shape; parameters 2·D (instancenorm only with affine), D for scale', () => {
  const a = analyse(`input: 8x6x12
layers:
  - {type: layernorm, channels: 12, eps: 1e-6}
  - {type: groupnorm, groups: 4}
  - instancenorm
  - {type: instancenorm, affine: true}
  - {type: lrn, size: 5}
  - scale
`);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.layers.map((r) => r.params), [24, 24, 0, 24, 0, 12]);
  for (const r of a.layers) assert.deepEqual(r.output, { width: 8, height: 6, depth: 12 });
  assert.equal(a.totals.params, 84);
  assert.deepEqual(a.model.layers[2]!.values, { eps: 1e-5, affine: false });
  assert.deepEqual(a.model.layers[4]!.values, { size: 5, alpha: 1e-4, beta: 0.75, k: 1 });
});

test('channels checks on layernorm, groupnorm, instancenorm and scale, with the fix to what arrives', () => {
  for (const t of ['layernorm', 'groupnorm, groups: 1', 'instancenorm', 'scale']) {
    expectAt('channel-mismatch', `input: 8x8x6\nlayers:\n  - {type: ${t}, channels: ⟦4⟧}\n`, { message: /channels is 4 but the input gives depth 6/, related: true, fix: '6' });
  }
});

test('groupnorm and shuffle: groups must divide the depth', () => {
  expectAt('channel-mismatch', 'input: 8x8x6\nlayers:\n  - {type: groupnorm, groups: ⟦4⟧}\n', { message: /groups 4 does not divide the 6 channels/, related: true });
  expectAt('channel-mismatch', 'input: 8x8x3\nlayers:\n  - {name: c, type: conv, filters: 10, kernel: 1}\n  - {type: shuffle, groups: ⟦3⟧}\n', { message: /groups 3 does not divide the 10 channels of 'c'/, related: true });
  assert.deepEqual(errors(analyse('input: 8x8x6\nlayers:\n  - {type: shuffle, groups: 3}\n')), []);
});

test('multiply broadcasts per axis: squeeze-and-excitation, W×H×1 times 1×1×D, three inputs', () => {
  const a = analyse(`input: 8x6x4
layers:
  - {name: g, type: globalavgpool}
  - {name: se, type: multiply, inputs: [input, g]}
  - {name: one, type: conv, filters: 1, kernel: 1, inputs: input}
  - {type: multiply, inputs: [one, g]}
  - {type: multiply, inputs: [g, one, se]}
`);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(shape(a, 1), { width: 8, height: 6, depth: 4 });
  assert.deepEqual(shape(a, 3), { width: 8, height: 6, depth: 4 });
  assert.deepEqual(shape(a, 4), { width: 8, height: 6, depth: 4 });
});

test('multiply: sizes that neither agree nor are 1 are errors naming both shapes', () => {
  expectAt('shape-mismatch', 'input: 8x8x4\nlayers:\n  - {name: p, type: maxpool, kernel: 2}\n  - {type: ⟦multiply⟧, inputs: [input, p]}\n', { message: /'p' is 4×4×4.*8×8×4|the input is 8×8×4, 'p' is 4×4×4; on width and height/, related: true });
  expectAt('channel-mismatch', 'input: 8x8x4\nlayers:\n  - {name: g, type: globalavgpool}\n  - {name: c, type: conv, filters: 3, kernel: 1}\n  - {type: ⟦multiply⟧, inputs: [input, g, c]}\n', { message: /the input is 8×8×4, 'c' is 1×1×3; on depth they must be the same or 1/, related: true });
});

test('pad: 1, 2 or 4 numbers; reflect must be smaller than the input, as PyTorch', () => {
  const a = analyse('input: 5x4x2\nlayers:\n  - {type: pad, amount: 1}\n  - {type: pad, amount: [1, 2], inputs: input}\n  - {type: pad, amount: [1, 2, 3, 4], mode: replicate, inputs: input}\n  - {type: pad, amount: [3, 3, 4, 4], mode: reflect, inputs: input}\n');
  assert.deepEqual(errors(a).filter((e) => !e.startsWith('unused')), []);
  assert.deepEqual([0, 1, 2, 3].map((i) => shape(a, i)), [{ width: 7, height: 6, depth: 2 }, { width: 9, height: 6, depth: 2 }, { width: 12, height: 7, depth: 2 }, { width: 13, height: 10, depth: 2 }]);
  expectAt('padding-too-large', 'input: 5x4x2\nlayers:\n  - {type: pad, amount: ⟦[4, 0, 1, 1]⟧, mode: reflect}\n', { message: /reflect padding 4 on the top is not smaller than the input height 4/, related: true });
  expectAt('wrong-type', 'input: 5x4x2\nlayers:\n  - {type: pad, amount: ⟦[1, 2, 3]⟧}\n', { message: /\[top, bottom, left, right\], not a list of 3/ });
  expectAt('out-of-range', 'input: 5x4x2\nlayers:\n  - {type: pad, amount: ⟦[1, -2]⟧}\n', { message: /amount\[1\] \(width\) is -2/ });
});

test('crop by amount, and like: the centre to another layer\'s size (top and left lose the smaller half)', () => {
  const a = analyse(`input: 64x61x3
layers:
  - {name: small, type: conv, filters: 2, kernel: 7}
  - {type: crop, like: small, inputs: input, name: c}
  - {type: crop, amount: [1, 2, 3, 4], inputs: input}
  - {type: concat, inputs: [c, small]}
`);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(shape(a, 1), { width: 58, height: 55, depth: 3 });
  assert.deepEqual(shape(a, 2), { width: 57, height: 58, depth: 3 });
  assert.deepEqual(a.layers[1]!.arithmetic, ['width: 64 − 58 = 6: left 3, right 3 → 58', 'height: 61 − 55 = 6: top 3, bottom 3 → 55']);
  assert.deepEqual(a.layers[1]!.refs?.get('like'), 0);
  assert.ok(a.layers[0]!.consumers.includes(1), 'a ref counts as a use');
  assert.deepEqual(refParams(a.model.layers[1]!).map((r) => r.name), ['small']);
});

test('crop: larger target, nothing left, neither parameter; like is resolved as inputs are', () => {
  expectAt('shape-mismatch', 'input: 8x8x3\nlayers:\n  - {name: p, type: maxpool, kernel: 2}\n  - {type: crop, like: ⟦input⟧}\n', { message: /cannot enlarge: 'p' is 4 × 4, smaller in width and height than 'input' \(8 × 8\)/, related: true });
  expectAt('empty-output', 'input: 8x8x3\nlayers:\n  - {type: crop, amount: ⟦[4, 4]⟧}\n', { message: /width 8 − 4 − 4 = 0 and height 8 − 4 − 4 = 0 are below 1/, related: true });
  expectAt('missing-parameter', 'input: 8x8x3\nlayers:\n  - {type: ⟦crop⟧}\n', { message: /`amount`.*`like`/ });
  expectAt('unknown-reference', 'input: 8x8x3\nlayers:\n  - {name: up, type: upsample, scale: 2}\n  - {type: crop, like: ⟦upp⟧}\n', { message: /no layer is named 'upp'.*'up'/ });
  expectAt('forward-reference', 'input: 8x8x3\nlayers:\n  - {type: crop, like: ⟦later⟧}\n  - {name: later, type: maxpool, kernel: 2}\n', { related: true });
  expectAt('cycle', 'input: 8x8x3\nlayers:\n  - {name: me, type: crop, like: ⟦me⟧}\n');
});

test('slice: defaults, negative values counted from the end', () => {
  const a = analyse('input: 4x4x10\nlayers:\n  - {type: slice, to: 3}\n  - {type: slice, from: -4, inputs: input}\n  - {type: slice, from: 2, to: -2, inputs: input}\n  - {type: slice, inputs: input}\n');
  assert.deepEqual(a.layers.map((r) => r.output?.depth), [3, 4, 6, 10]);
  assert.deepEqual(a.layers[2]!.arithmetic, ['depth: channels [2, 8) of 10 = 8 − 2 = 6']);
});

test('slice: out of range and empty are errors with the numbers, at the value', () => {
  expectAt('out-of-range', 'input: 4x4x10\nlayers:\n  - {type: slice, from: ⟦10⟧}\n', { message: /from 10 is outside the 10 channels of the input \(0 to 9/, related: true });
  expectAt('out-of-range', 'input: 4x4x10\nlayers:\n  - {type: slice, from: ⟦-11⟧}\n', { message: /from -11 \(= -1\) is outside/ });
  expectAt('out-of-range', 'input: 4x4x10\nlayers:\n  - {type: slice, to: ⟦12⟧}\n', { message: /to 12 is outside the 10 channels/, fix: '10' });
  expectAt('empty-output', 'input: 4x4x10\nlayers:\n  - {type: slice, from: 5, to: ⟦-5⟧}\n', { message: /slice \[5, 5\) of the 10 channels is empty/ });
  expectAt('empty-output', 'input: 4x4x10\nlayers:\n  - {type: slice, from: 6, to: ⟦2⟧}\n');
});

test('pixelshuffle and pixelunshuffle: shapes, divisibility at factor', () => {
  const a = analyse('input: 6x4x8\nlayers:\n  - {type: pixelshuffle, factor: 2}\n  - {type: pixelunshuffle, factor: 2}\n  - {type: pixelunshuffle, factor: 2}\n');
  assert.deepEqual(a.layers.map((r) => r.output), [{ width: 12, height: 8, depth: 2 }, { width: 6, height: 4, depth: 8 }, { width: 3, height: 2, depth: 32 }]);
  expectAt('channel-mismatch', 'input: 6x4x8\nlayers:\n  - {type: pixelshuffle, factor: ⟦3⟧}\n', { message: /factor² = 9, but the input gives depth 8/, related: true });
  expectAt('shape-mismatch', 'input: 6x5x8\nlayers:\n  - {type: pixelunshuffle, factor: ⟦2⟧}\n', { message: /divide by factor 2, but the input gives 6 × 5 \(height\)/, related: true });
});

test('estimates: add and concat after a mismatch, an unknown type, a missing parameter, an unknown input', () => {
  const cases: Array<[string, { width: number; height: number; depth: number }]> = [
    ['  - {name: p, type: maxpool, kernel: 2}\n  - {name: j, type: add, inputs: [input, p]}', { width: 8, height: 8, depth: 4 }],
    ['  - {name: p, type: maxpool, kernel: 2}\n  - {name: j, type: concat, inputs: [input, p]}', { width: 8, height: 8, depth: 8 }],
    ['  - {name: j, type: frobnicate}', { width: 8, height: 8, depth: 4 }],
    ['  - {name: j, type: conv, kernel: 3}', { width: 8, height: 8, depth: 4 }],
    ['  - {name: x, type: relu}\n  - {name: j, type: relu, inputs: nothing}', { width: 8, height: 8, depth: 4 }],
    ['  - {name: j, type: slice, from: 9}', { width: 8, height: 8, depth: 4 }],
  ];
  for (const [layers, guess] of cases) {
    const a = analyse(`input: 8x8x4\nlayers:\n${layers}\n  - {type: conv, filters: 2, kernel: 3, in_channels: 99}\n  - {type: dense, units: 3}\n`);
    const j = a.layers.findIndex((r) => r.decl.id === 'j');
    assert.deepEqual(a.layers[j]!.output, guess, layers);
    assert.ok(a.layers.slice(j).every((r) => r.estimated), `${layers}: everything after the mistake is an estimate`);
    // The conv after it counts (8×8×4 → 6×6×2: 2·4·9 + 2 = 74 with the guess), but its in_channels and the dense are not new mistakes.
    const conv = a.layers[j + 1]!;
    assert.ok(conv.params > 0 && a.totals.params >= conv.params, layers);
    assert.equal(a.totals.estimated, a.layers.length - j, layers);
    assert.equal(errors(a).length, 1, `${layers}: one error only\n${errors(a).join('\n')}`);
  }
});

test('a layer whose inputs are all certain still reports its errors next to an estimate', () => {
  const a = analyse(`input: 8x8x4
layers:
  - {name: bad, type: frobnicate}
  - {name: ok, type: conv, filters: 2, kernel: 3, inputs: input, in_channels: 5}
`);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort(), ['channel-mismatch', 'unknown-layer-type']);
  assert.equal(a.layers[1]!.estimated, false);
});

test('an output size below 1 goes on as an estimate of at least 1', () => {
  const a = analyse('input: 4x4x1\nlayers:\n  - {type: conv, filters: 2, kernel: 7}\n  - relu\n');
  assert.deepEqual(a.layers[0]!.output, { width: 1, height: 1, depth: 2 });
  assert.ok(a.layers[0]!.estimated && a.layers[1]!.estimated);
});

test('property: any v2 layer after any input size never throws, and errors come only from certain inputs', () => {
  const layer = fc.oneof(
    fc.record({ type: fc.constantFrom('groupnorm', 'shuffle'), groups: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ type: fc.constantFrom('pixelshuffle', 'pixelunshuffle'), factor: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ type: fc.constant('slice'), from: fc.integer({ min: -8, max: 8 }), to: fc.integer({ min: -8, max: 8 }) }),
    fc.record({ type: fc.constantFrom('pad', 'crop'), amount: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5))) }),
    fc.record({ type: fc.constant('multiply'), inputs: fc.constant(['input', 'input']) }),
    fc.record({ type: fc.constant('crop'), like: fc.constant('input') }),
  );
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.array(layer, { minLength: 1, maxLength: 6 }), (w, h, d, layers) => {
      const a = analyse(`input: ${w}x${h}x${d}\nlayers:\n${layers.map((l) => `  - ${JSON.stringify(l)}`).join('\n')}\n`);
      for (const r of a.layers) {
        assert.ok(r.output && r.output.width >= 1 && r.output.height >= 1 && r.output.depth >= 1, 'every layer has a shape of at least 1');
      }
      for (const e of a.diagnostics.filter((x) => x.severity === 'error')) {
        const i = e.layerIndex!;
        assert.ok(i === 0 || !a.layers[i - 1]!.estimated, `error on layer ${i} after an estimate: ${e.message}`);
      }
    }),
    { numRuns: 300 },
  );
});
