// Bad input never crashes the core: random and mutated documents always give diagnostics with
// ranges inside the text. And the chunked, cached parse is the same as parsing the whole file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, ModelAnalyzer, type Analysis } from '../../core/src/index';
import { CODES } from '../../core/src/index';
import { DocumentParser } from '../../core/src/index';
import { parseYaml } from '../../core/src/index';
import { KEYS, TYPES, mutate, mutation, yamlDoc } from './brokenModels';

function checkSane(a: Analysis, text: string): void {
  for (const d of a.diagnostics) {
    assert.ok(d.code in CODES, `unknown code ${d.code}`);
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `span ${d.span.start}-${d.span.end} outside text of ${text.length}`);
    assert.ok(d.message.length > 0);
    for (const r of d.related ?? []) assert.ok(r.span.start >= 0 && r.span.end <= text.length);
  }
  assert.equal(a.layers.length, a.model.layers.length);
}

test('random and mutated YAML documents never throw and keep ranges inside the text', () => {
  fc.assert(
    fc.property(yamlDoc, fc.array(mutation, { maxLength: 4 }), (doc, muts) => {
      const text = mutate(doc, muts);
      checkSane(analyze({ text, fileName: 'f.cnn.yaml' }), text);
    }),
    { numRuns: 1500 },
  );
});

test('random JSON values and mutated JSON never throw', () => {
  const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
  const model = fc.tuple(fc.array(fc.dictionary(fc.constantFrom('type', ...KEYS), fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })).map(([layers, input]) =>
    JSON.stringify({ input, layers: layers.map((l, i) => ({ type: TYPES[i % TYPES.length], ...l })) }, null, 2),
  );
  fc.assert(
    fc.property(fc.oneof(json, model), fc.array(mutation, { maxLength: 3 }), (doc, muts) => {
      const text = mutate(doc, muts);
      checkSane(analyze({ text, fileName: 'f.cnn.json' }), text);
    }),
    { numRuns: 1500 },
  );
});

test('arbitrary strings never throw, as YAML or JSON', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      checkSane(analyze({ text, fileName: 'f.cnn.yaml' }), text);
      checkSane(analyze({ text, fileName: 'f.cnn.json' }), text);
    }),
    { numRuns: 1000 },
  );
});

test('the chunked parse equals parsing the whole file wherever the file is valid YAML', () => {
  let chunked = 0;
  fc.assert(
    fc.property(yamlDoc, fc.array(mutation, { maxLength: 2 }), (doc, muts) => {
      const text = mutate(doc, muts);
      const whole = parseYaml(text);
      if (whole.problems.some((p) => p.severity === 'error')) return;
      const parser = new DocumentParser();
      const parts = parser.parse(text, 'yaml');
      if (parser.lastStats.chunked) chunked++;
      assert.deepEqual(parts.root, whole.root);
    }),
    { numRuns: 1500 },
  );
  assert.ok(chunked > 500, `the chunked path must really be exercised (${chunked})`);
});

test('re-analysis after edits gives what a fresh analysis gives', () => {
  fc.assert(
    fc.property(yamlDoc, fc.array(fc.array(mutation, { maxLength: 2 }), { minLength: 1, maxLength: 5 }), (doc, edits) => {
      const analyzer = new ModelAnalyzer('yaml');
      let text = doc;
      analyzer.analyze({ text });
      for (const e of edits) {
        text = mutate(text, e);
        const inc = analyzer.analyze({ text });
        const fresh = analyze({ text, fileName: 'f.cnn.yaml' });
        assert.deepEqual(inc.diagnostics, fresh.diagnostics);
        assert.deepEqual(inc.layers.map((l) => l.output), fresh.layers.map((l) => l.output));
      }
    }),
    { numRuns: 400 },
  );
});

test('a JSON edit inside one layer re-parses that layer, and gives what a whole parse gives', () => {
  const layer = fc.record({ type: fc.constantFrom('conv', 'relu', 'maxpool', 'dense'), filters: fc.integer({ min: 1, max: 64 }), kernel: fc.integer({ min: 1, max: 5 }) });
  let incremental = 0;
  fc.assert(
    fc.property(fc.array(layer, { minLength: 1, maxLength: 8 }), fc.array(fc.array(mutation, { maxLength: 2 }), { minLength: 1, maxLength: 4 }), (layers, edits) => {
      let text = JSON.stringify({ input: '32x32x3', layers, rounding: 'floor' }, null, 2);
      const parser = new DocumentParser();
      const analyzer = new ModelAnalyzer('json');
      parser.parse(text, 'json');
      analyzer.analyze({ text });
      for (const e of edits) {
        text = mutate(text, e);
        const inc = parser.parse(text, 'json');
        if (parser.lastStats.chunked) incremental++;
        const whole = new DocumentParser().parse(text, 'json');
        assert.deepEqual(inc, whole);
        assert.deepEqual(analyzer.analyze({ text }).diagnostics, analyze({ text, fileName: 'f.cnn.json' }).diagnostics);
      }
    }),
    { numRuns: 600 },
  );
  assert.ok(incremental > 100, `the incremental path must really be exercised (${incremental})`);
});

test('an edit reparses only the chunk it touches', () => {
  const layers = Array.from({ length: 200 }, (_, i) => `  - type: conv\n    filters: ${(i % 7) + 1}\n    kernel: 1\n`).join('');
  const text = `input: 32x32x3\nlayers:\n${layers}`;
  const analyzer = new ModelAnalyzer('yaml');
  analyzer.analyze({ text });
  const edited = text.replace('filters: 3\n', 'filters: 30\n');
  const a = analyzer.analyze({ text: edited });
  assert.deepEqual({ ...analyzer.parseStats }, { reused: 200, parsed: 1, chunked: true });
  assert.equal(a.layers[2]!.output?.depth, 30);
});

test('a 20,000-layer model is analysed without trouble', () => {
  const text = `input: 64x64x3\nlayers:\n${'  - {type: conv, filters: 8, kernel: 3, padding: 1}\n  - relu\n'.repeat(10000)}`;
  const a = analyze({ text, fileName: 'big.cnn.yaml' });
  assert.equal(a.layers.length, 20000);
  assert.deepEqual(a.layers[19999]!.output, { width: 64, height: 64, depth: 8 });
  assert.equal(a.diagnostics.filter((d) => d.severity === 'error').length, 0);
});

test('brackets nested thousands deep give one syntax error, in YAML and JSON, and no crash', () => {
  for (const [text, file] of [
    [`input: 8x8x1\nlayers: ${'['.repeat(50000)}${']'.repeat(50000)}\n`, 'd.cnn.yaml'],
    [`{"input": "8x8x1", "layers": ${'['.repeat(50000)}${']'.repeat(50000)}}`, 'd.cnn.json'],
    [`input: 8x8x1\nlayers:\n  - relu\n  - ${'{a: '.repeat(20000)}1${'}'.repeat(20000)}\n  - relu\n`, 'd.cnn.yaml'],
  ] as const) {
    const a = analyze({ text, fileName: file });
    checkSane(a, text);
    const deep = a.diagnostics.filter((d) => d.code === 'syntax' && /nested more than/.test(d.message));
    assert.equal(deep.length, 1, file);
    assert.ok(!a.diagnostics.some((d) => d.code === 'missing-key'), 'an unreadable file is not also said to lack its keys');
  }
  // The layers around a too-deep one are still read.
  const a = analyze({ text: `input: 8x8x1\nlayers:\n  - relu\n  - ${'['.repeat(300)}${']'.repeat(300)}\n  - sigmoid\n`, fileName: 'd.cnn.yaml' });
  assert.deepEqual(a.layers.map((l) => l.decl.type), ['relu', 'sigmoid']);
});
