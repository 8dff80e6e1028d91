// The He initialisation's normal generator (a ziggurat over mulberry32): the same values for the same
// seed, and N(0, 1) by a Kolmogorov–Smirnov test and its moments, in the tail too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillNormal, mulberry32, standardNormal } from '../../runner/src/weights/heInit';

/** Φ by the Abramowitz–Stegun 7.1.26 erf (error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return 0.5 * (1 + Math.sign(x) * erf);
}

test('standard normal: KS distance below the 0.1% critical value, moments, tail mass beyond the ziggurat base', () => {
  for (const seed of [1, 2, 12345]) {
    const rand = mulberry32(seed);
    const n = 200_000;
    const xs = Float64Array.from({ length: n }, () => standardNormal(rand)).sort();
    let d = 0;
    xs.forEach((x, i) => (d = Math.max(d, Math.abs(phi(x) - i / n), Math.abs(phi(x) - (i + 1) / n))));
    assert.ok(d < 1.95 / Math.sqrt(n), `seed ${seed}: KS distance ${d}`);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const m2 = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const m4 = xs.reduce((a, b) => a + (b - mean) ** 4, 0) / n;
    assert.ok(Math.abs(mean) < 0.01 && Math.abs(m2 - 1) < 0.015 && Math.abs(m4 / (m2 * m2) - 3) < 0.1, `seed ${seed}: mean ${mean}, variance ${m2}, kurtosis ${m4 / (m2 * m2)}`);
    // P(|x| > 3.4426) = 5.76e-4: about 115 of 200,000.
    const tail = xs.filter((x) => Math.abs(x) > 3.442619855899).length;
    assert.ok(tail > 60 && tail < 180, `seed ${seed}: ${tail} beyond r`);
  }
});

test('the same seed gives the same values; another seed other values', () => {
  const draw = (seed: number) => Array.from({ length: 1000 }, ((r) => () => standardNormal(r))(mulberry32(seed)));
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
});

test('fillNormal (the loop the runner uses) gives standardNormal × std draw for draw, -0 included', () => {
  // Seed 14 draws a zero position with a negative sign near its 87,000th value: a -0 the fast path must keep.
  for (const [seed, n, std] of [[14, 100_000, 1], [1, 50_000, 0.05], [0xffffffff, 50_000, 3]] as const) {
    const want = mulberry32(seed);
    const got = new Float32Array(n);
    fillNormal(got, std, seed);
    for (let i = 0; i < n; i++) {
      const w = Math.fround(standardNormal(want) * std);
      if (!Object.is(got[i], w)) assert.fail(`seed ${seed}, value ${i}: ${Object.is(got[i], -0) ? '-0' : got[i]} instead of ${Object.is(w, -0) ? '-0' : w}`);
    }
    if (seed === 14) assert.ok(got.some((x) => Object.is(x, -0)), 'seed 14 has its -0');
  }
});
