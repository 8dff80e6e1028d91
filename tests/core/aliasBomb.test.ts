// YAML alias bombs: a few lines whose aliases copy copies of copies (10⁹ nodes) and chains of merge
// keys. The tree stops at a node budget with one `syntax` error at the alias, quickly, wherever the
// alias stands; many plain aliases and nested block uses stay fast too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../core/src/index';

/** `levels` anchors, each a list of `fanout` aliases of the one before: fanout^levels scalars. */
function anchors(levels: number, fanout: number): string {
  let s = `a0: &a0 [${Array(fanout).fill('relu').join(', ')}]\n`;
  for (let i = 1; i < levels; i++) s += `a${i}: &a${i} [${Array(fanout).fill(`*a${i - 1}`).join(', ')}]\n`;
  return s;
}

function timed(text: string): { a: Analysis; ms: number } {
  const t0 = performance.now();
  const a = analyze({ text, fileName: 'bomb.cnn.yaml' });
  return { a, ms: performance.now() - t0 };
}

/** One error, at the alias whose expansion spent the budget (the anchors before may spend most of it). */
function assertOneBombError(a: Analysis, text: string): void {
  const bombs = a.diagnostics.filter((d) => /Aliases here expand to more than/.test(d.message));
  assert.equal(bombs.length, 1, a.diagnostics.map((d) => d.message).join('\n'));
  assert.equal(bombs[0]!.code, 'syntax');
  assert.match(text.slice(bombs[0]!.span.start, bombs[0]!.span.end), /^\*a\d$/);
}

const PLACES: Record<string, (alias: string) => string> = {
  layers: (x) => `input: 8x8x1\nlayers: ${x}\n`,
  'a layer': (x) => `input: 8x8x1\nlayers:\n  - relu\n  - ${x}\n`,
  parameters: (x) => `input: 1x1x2\nlayers:\n  - type: dense\n    units: 2\n    parameters: {weight: ${x}, bias: [0, 0]}\n`,
  labels: (x) => `input: 8x8x1\nlabels: ${x}\nlayers: [relu]\n`,
  'a block definition': (x) => `input: 8x8x1\nblocks:\n  b:\n    layers: ${x}\nlayers: [b]\n`,
  'an unused top-level key': (x) => `input: 8x8x1\nunused: ${x}\nlayers: [relu]\n`,
};

for (const [place, wrap] of Object.entries(PLACES)) {
  test(`an alias bomb (10⁹ nodes) in ${place} is one syntax error at the alias, in well under a second`, () => {
    const text = anchors(9, 10) + wrap('*a8');
    const { a, ms } = timed(text);
    assertOneBombError(a, text);
    assert.ok(ms < 3000, `${ms} ms`);
  });
}

test('the bomb alone in the layers (its anchors inside it) is an error at the outermost alias', () => {
  const text = `input: 8x8x1\nlayers:\n  - &a0 [relu, relu, relu, relu, relu, relu, relu, relu, relu, relu]\n${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `  - &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`).join('')}`;
  const { a, ms } = timed(text);
  assertOneBombError(a, text);
  assert.ok(ms < 3000, `${ms} ms`);
});

test('a chain of merge keys copying copies (10⁸ pairs merged) is one syntax error, quickly', () => {
  let text = 'm0: &m0 {k: 1}\n';
  for (let i = 1; i < 9; i++) text += `m${i}: &m${i} {<<: [${Array(10).fill(`*m${i - 1}`).join(', ')}], k${i}: 1}\n`;
  text += 'input: 8x8x1\nlayers:\n  - <<: *m8\n    type: relu\n';
  const { a, ms } = timed(text);
  const bombs = a.diagnostics.filter((d) => /Aliases here expand/.test(d.message));
  assert.equal(bombs.length, 1, a.diagnostics.map((d) => d.message).join('\n'));
  assert.ok(ms < 3000, `${ms} ms`);
});

test('generated bombs: any fanout and depth past the budget gives exactly one error; small ones none', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom(...Object.keys(PLACES)), (fanout, levels, place) => {
      const text = anchors(levels, fanout) + PLACES[place]!(`*a${levels - 1}`);
      const t0 = performance.now();
      const a = analyze({ text, fileName: 'bomb.cnn.yaml' });
      assert.ok(performance.now() - t0 < 3000);
      const bombs = a.diagnostics.filter((d) => /Aliases here expand/.test(d.message));
      // The scalars the last alias brings in, and the anchors' own copies: well below the budget when small.
      if (fanout ** levels < 50_000) assert.equal(bombs.length, 0);
      if (fanout ** levels > 1_000_000) assert.equal(bombs.length, 1);
    }),
    { numRuns: 25 },
  );
});

test('50,000 aliases of one anchor: resolved in one pass (not the whole document per alias)', () => {
  const text = `input: 8x8x1\nx: &x relu\nlayers:\n${'  - *x\n'.repeat(50_000)}`;
  const { a, ms } = timed(text);
  assert.equal(a.layers.length, 50_000);
  assert.ok(!a.diagnostics.some((d) => d.code === 'syntax'));
  assert.ok(ms < 15_000, `${ms} ms`);
});

test('nested block uses whose repeat is a parameter are sized before anything is expanded', () => {
  const text = `input: 8x8x3
blocks:
  a:
    layers: [relu]
  b:
    params: {n: 1}
    layers: [{type: a, repeat: $n}]
layers:
  - {type: b, n: 10000, repeat: 10000}
  - relu
`;
  const { a, ms } = timed(text);
  const d = a.diagnostics.find((x) => x.code === 'out-of-range');
  assert.ok(d, a.diagnostics.map((x) => x.message).join('\n'));
  assert.match(d.message, /at most 1,000,000 layers/);
  assert.equal(a.layers.length, 2);
  assert.ok(ms < 2000, `${ms} ms`);
});
