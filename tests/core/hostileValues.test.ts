// Hostile values that once gave wrong results: keys named like what every object inherits (`toString`,
// `constructor`, `__proto__`) passed as parameters and top-level keys; sizes that run to 10^150 or
// Infinity with no error; a conv whose output is negative propagating negative sizes and counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../core/src/index';
import { hover } from '../../server/src/services/hover';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver';

const INHERITED = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

function check(text: string, file = 'm.cnn.yaml'): Analysis {
  return analyze({ text, fileName: file });
}

/** No count or size anywhere is negative, fractional, NaN or infinite. */
function assertSaneNumbers(a: Analysis): void {
  const whole = (v: number, what: string) => assert.ok(Number.isSafeInteger(v) && v >= 0, `${what} = ${v}`);
  for (const r of a.layers) {
    if (r.output) for (const k of ['width', 'height', 'depth'] as const) whole(r.output[k], `layer ${r.decl.index} ${k}`);
    whole(r.params, `layer ${r.decl.index} params`);
    whole(r.macs, `layer ${r.decl.index} macs`);
  }
  for (const k of ['params', 'macs', 'activationBytes'] as const) assert.ok(Number.isFinite(a.totals[k]) && a.totals[k] >= 0, `totals.${k} = ${a.totals[k]}`);
  assert.doesNotMatch(JSON.stringify({ t: a.totals, l: a.layers.map((r) => [r.output, r.params, r.macs]) }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)), /Infinity|NaN/);
}

for (const key of INHERITED) {
  test(`'${key}' is an unknown key everywhere a user writes keys`, () => {
    const places: Array<[string, string]> = [
      [`input: 8x8x3\n${key}: 1\nlayers: [relu]\n`, 'unknown-key'],
      [`input: 8x8x3\nlayers:\n  - {type: conv, filters: 2, kernel: 1, ${key}: 3}\n`, 'unknown-parameter'],
      [`input: 8x8x3\nlayers:\n  - {type: relu, ${key}: 3}\n`, 'unknown-parameter'],
      [`input: {width: 8, height: 8, depth: 3, ${key}: 1}\nlayers: [relu]\n`, 'unknown-key'],
      [`input: 8x8x3\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - {type: b, ${key}: 1}\n`, 'unknown-parameter'],
    ];
    for (const [text, code] of places) {
      const a = check(text);
      assert.ok(a.diagnostics.some((d) => d.code === code && d.message.includes(`'${key}'`)), `${text}\n${a.diagnostics.map((d) => d.message).join('\n')}`);
      assert.doesNotMatch(a.diagnostics.map((d) => d.message).join('\n'), /native code|function /);
      // The JSON spelling reads the same way.
    }
    const json = check(`{"input": "8x8x3", "${key}": 1, "layers": [{"type": "conv", "filters": 2, "kernel": 1, "${key}": 1}]}`, 'm.cnn.json');
    assert.equal(json.diagnostics.filter((d) => d.message.includes(`'${key}'`)).length, 2, json.diagnostics.map((d) => d.message).join('\n'));
  });

  test(`hovering '${key}' as a key shows no inherited function`, () => {
    for (const text of [`input: 8x8x3\n${key}: 1\nlayers: [relu]\n`, `input: 8x8x3\nlayers:\n  - {type: conv, filters: 2, kernel: 1, ${key}: 3}\n`]) {
      const a = check(text);
      const doc = TextDocument.create('file:///m.cnn.yaml', 'cnn-yaml', 1, text);
      const h = hover(a, doc, text.indexOf(key) + 1);
      const v = h ? (h.contents as MarkupContent).value : '';
      assert.doesNotMatch(v, /native code|function /);
    }
  });
}

test('inline parameters named like inherited properties are ignored as unknown, not compared with a function', () => {
  const a = check('input: 1x1x2\nlayers:\n  - flatten\n  - {type: dense, units: 1, parameters: {weight: [[1, 2]], bias: [0], constructor: [1], toString: [1]}}\n');
  const msgs = a.diagnostics.filter((d) => d.code === 'parameter-shape').map((d) => d.message);
  assert.equal(msgs.length, 2, msgs.join('\n'));
  for (const m of msgs) assert.match(m, /has no parameter tensor/);
});

test('sixteen upsamples: out-of-range at the layer past the largest size, nothing computed after, no Infinity', () => {
  const text = `input: 32x32x3\nlayers:\n${'  - {type: upsample, scale: 1000}\n'.repeat(16)}  - {type: concat, inputs: [14, 15]}\n  - flatten\n  - {type: dense, units: 10}\n`;
  const a = check(text);
  const errs = a.diagnostics.filter((d) => d.code === 'out-of-range');
  assert.equal(errs.length, 1, a.diagnostics.map((d) => d.message).join('\n'));
  assert.equal(errs[0]!.layerIndex, 2); // 32 000 → 32 000 000 → 32·10^9: past 2^31 − 1
  assert.match(errs[0]!.message, /past 2,147,483,647/);
  for (const r of a.layers.slice(2)) assert.equal(r.output, null);
  assertSaneNumbers(a);
});

test('concats doubling the depth 40 times: out-of-range once, totals finite', () => {
  const text = `input: 32x32x3\nlayers:\n  - {type: conv, filters: 1000, kernel: 1}\n${Array.from({ length: 40 }, (_, i) => `  - {type: concat, inputs: [${i}, ${i}]}\n`).join('')}`;
  const a = check(text);
  assert.equal(a.diagnostics.filter((d) => d.code === 'out-of-range').length, 1);
  assertSaneNumbers(a);
});

test('a dense layer on a huge flattened input: past 2^53 parameters is out-of-range, not an inexact count', () => {
  const a = check('input: 20000x20000x3\nlayers:\n  - flatten\n  - {type: dense, units: 10000000}\n');
  assert.ok(a.diagnostics.some((d) => d.code === 'out-of-range' && d.layerIndex === 1), a.diagnostics.map((d) => d.message).join('\n'));
  assertSaneNumbers(a);
});

test('a conv whose output would be negative: sizes at least 1 (estimates), no negative counts downstream', () => {
  const a = check('input: 8x8x4\nlayers:\n  - {type: conv, filters: 4, kernel: 11}\n  - flatten\n  - {type: dense, units: 10}\n');
  assert.ok(a.diagnostics.some((d) => d.code === 'empty-output'));
  assert.ok(a.layers.every((r) => r.estimated));
  assertSaneNumbers(a);
});

test('generated chains of growing and shrinking layers never give a negative, fractional or infinite number', () => {
  const layer = fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map((s) => `{type: upsample, scale: ${s}}`),
    fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 })).map(([k, s]) => `{type: conv, filters: 3, kernel: ${k}, stride: ${s}}`),
    fc.integer({ min: 1, max: 30 }).map((k) => `{type: maxpool, kernel: ${k}}`),
    fc.constant('flatten'),
    fc.integer({ min: 1, max: 100000 }).map((u) => `{type: dense, units: ${u}}`),
    fc.constant('{type: concat, inputs: [0, 0, 0]}'),
  );
  fc.assert(
    fc.property(fc.array(layer, { minLength: 1, maxLength: 12 }), (ls) => {
      assertSaneNumbers(check(`rounding: floor\ninput: 32x32x3\nlayers:\n${ls.map((l) => `  - ${l}\n`).join('')}`));
    }),
    { numRuns: 200 },
  );
});
