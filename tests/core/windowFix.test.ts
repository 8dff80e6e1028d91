// The quick fix for a window whose output is not whole: computed (not searched), so huge strides and
// paddings answer at once, and on small numbers it offers exactly what a plain search offers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, type CoreDiagnostic } from '../../core/src/index';

type Pair = [number, number];
type Option = { padding?: number; stride?: number; result: string };

/** The search the core once ran (up to 2 × stride and up to the kernel or padding): the oracle for small numbers. */
function searched(n: Pair, k: Pair, s: Pair, d: Pair, pad: Pair): Option[] {
  const sizeWith = (p: Pair, st: Pair): Pair | null => {
    const out: number[] = [];
    for (let i = 0; i < 2; i++) {
      const num = n[i]! + 2 * p[i]! - d[i]! * (k[i]! - 1) - 1;
      if (num < 0 || num % st[i]! !== 0) return null;
      out.push(num / st[i]! + 1);
    }
    return out as Pair;
  };
  const fmt = (hw: Pair) => `${hw[1]}×${hw[0]}`;
  const padOpts: Array<Option & { dist: number }> = [];
  const maxK = Math.max(d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1);
  const cur = Math.max(pad[0], pad[1]);
  for (let q = 0; q <= Math.max(maxK, cur + 3); q++) {
    if (q === pad[0] && q === pad[1]) continue;
    const r = sizeWith([q, q], s);
    if (r) padOpts.push({ padding: q, result: fmt(r), dist: Math.abs(q - cur) });
  }
  padOpts.sort((a, b) => a.dist - b.dist);
  const strideOpts: Array<Option & { dist: number }> = [];
  const curS = Math.max(s[0], s[1]);
  for (let x = 1; x <= Math.max(curS * 2, 4); x++) {
    if (x === s[0] && x === s[1]) continue;
    const r = sizeWith(pad, [x, x]);
    if (r) strideOpts.push({ stride: x, result: fmt(r), dist: Math.abs(x - curS) });
  }
  strideOpts.sort((a, b) => a.dist - b.dist);
  return [...padOpts.slice(0, 2), ...strideOpts.slice(0, 2)].map(({ dist: _d, ...o }) => o);
}

function conv(n: Pair, k: Pair, s: Pair, d: Pair, pad: Pair): string {
  return `input: ${n[1]}x${n[0]}x3\nlayers:\n  - {type: conv, filters: 4, kernel: [${k.join(', ')}], stride: [${s.join(', ')}], padding: [${pad.join(', ')}], dilation: [${d.join(', ')}]}\n`;
}

function fixOf(text: string): { d: CoreDiagnostic | undefined; ms: number } {
  const t0 = performance.now();
  const a = analyze({ text, fileName: 'm.cnn.yaml' });
  return { d: a.diagnostics.find((x) => x.code === 'non-integer-output'), ms: performance.now() - t0 };
}

test('on small numbers the computed options are exactly those a search finds', () => {
  const small = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }));
  fc.assert(
    fc.property(small(40), small(7), small(9), small(3), fc.tuple(fc.nat(6), fc.nat(6)), (n, k, s, d, pad) => {
      const { d: diag } = fixOf(conv(n, k, s, d, pad));
      if (!diag) return;
      const options = diag.fix?.kind === 'padding-stride' ? diag.fix.options : [];
      assert.deepEqual(options, searched(n, k, s, d, pad));
    }),
    { numRuns: 400 },
  );
});

const HUGE: Record<string, string> = {
  'stride 2147483647': 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 2147483647}\n',
  'padding 200000000': 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 2, padding: 200000000}\n',
  'padding 200000001, stride 7': 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 7, padding: 200000001}\n',
  'a huge dilated kernel': 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 2147483647, dilation: 2147483647, stride: 3}\n',
  'pool, huge sizes on both axes': 'input: 2147483647x2147483646x3\nlayers:\n  - {type: maxpool, kernel: [3, 5], stride: [2147483646, 2147483647], padding: [0, 2]}\n',
};

for (const [name, text] of Object.entries(HUGE)) {
  test(`the quick fix for ${name} answers at once, with options that make every axis whole`, () => {
    const { d, ms } = fixOf(text);
    assert.ok(d, 'a non-whole output is reported');
    assert.ok(ms < 500, `${ms} ms`);
    const options = d.fix?.kind === 'padding-stride' ? d.fix.options : [];
    for (const o of options) {
      assert.match(o.result, /^\d+×\d+$/);
      for (const v of [o.padding, o.stride]) if (v !== undefined) assert.ok(Number.isSafeInteger(v) && v <= 2 ** 31 - 1, String(v));
    }
  });
}

test('a size that is not whole never reads as a whole number in the message (stride 100000: = 1.00029)', () => {
  const { d } = fixOf('input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 100000}\n');
  assert.ok(d);
  assert.match(d.message, /\(32 − 3 \+ 2·0\)\/100000 \+ 1 = 1\.00029 are not whole numbers/);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 11 }), fc.integer({ min: 2, max: 2_000_000 }), (n, k, s) => {
      const { d: diag } = fixOf(`input: ${n}x${n}x1\nlayers:\n  - {type: conv, filters: 1, kernel: ${k}, stride: ${s}}\n`);
      if (!diag || n < k) return;
      const shown = / = (-?[\d.]+) (?:are|is) not/.exec(diag.message)?.[1];
      assert.ok(shown, diag.message);
      assert.ok(shown.includes('.'), diag.message);
      assert.ok(Math.abs(Number(shown) - ((n - k) / s + 1)) < 1e-2, diag.message);
    }),
    { numRuns: 200 },
  );
});
