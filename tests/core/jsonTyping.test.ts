// Half-typed JSON: a syntax error is reported once, where it is, in words that say what to do; the
// text it cut short is not judged as well.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../core/src/index';

const MODEL = readFileSync('samples/vgg16.cnn.json', 'utf8');
const syntax = (text: string) => analyze({ text, fileName: 'm.cnn.json' }).diagnostics.filter((d) => d.code === 'syntax');

test('a layer typed half-way in the middle of a file: one syntax error, on its line', () => {
  const at = MODEL.indexOf('{', MODEL.indexOf('"layers"'));
  fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
    const partial = '{"type": "conv", "filters": 64, "kernel": 3}'.slice(0, n);
    const text = `${MODEL.slice(0, at)}${partial}\n    ${MODEL.slice(at)}`;
    const errs = syntax(text);
    assert.ok(errs.length <= 1, `${JSON.stringify(partial)}: ${errs.map((e) => e.message).join(' | ')}`);
    const all = analyze({ text, fileName: 'm.cnn.json' }).diagnostics;
    // The cut-short type (`"con`) is not also an unknown layer type.
    assert.ok(!all.some((d) => d.code === 'unknown-layer-type' && errs.some((e) => e.span.start === d.span.start)));
  }));
});

test('the file cut anywhere: the syntax errors at its end are said once', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: MODEL.length - 1 }), (n) => {
    const errs = syntax(MODEL.slice(0, n));
    assert.ok(errs.length <= 1, `cut at ${n}: ${errs.map((e) => e.message).join(' | ')}`);
  }), { numRuns: 200 });
});

test('the messages say what to do', () => {
  assert.match(syntax('{"input": "8x8x1", "layers": [{"type": "con\n]}\n')[0]!.message, /not closed: add its closing `"`/);
  assert.match(syntax('{"input": "8x8x1", "layers": [{"type": "relu" "name": "a"}]}')[0]!.message, /a `,` is missing/);
});
