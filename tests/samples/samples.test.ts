// The sample models against the golden table derived independently of the core
// (tests/samples/expected/, from the papers, torchvision and the formula), and each broken sample
// against the diagnostic it exists to show, at the position read off the file by hand
// (tests/fixtures/broken.golden.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../core/src/index';
import { CODES } from '../../core/src/index';
import type { ExpectedLayer, ExpectedModel } from './expected/calc';
import { GOLDEN_PATH, goldenText } from './expected/write-golden';

const root = resolve(__dirname, '..', '..');
const MODEL_FILE = /\.cnn\.(ya?ml|json)$/;

/**
 * Samples where the core disagrees with the independent expectation: a core bug to fix, kept
 * visible as a todo instead of failing CI. Never "fix" the golden table to match the core.
 */
const CORE_BUGS: Record<string, string> = {};

interface BrokenCase {
  file: string;
  code: string;
  severity: string;
  line: number;
  character: number;
  /** The source text the diagnostic's range covers, where the format spec makes it clear. */
  text?: string;
}

const samples = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Record<string, ExpectedModel>;
const broken = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'broken.golden.json'), 'utf8')) as BrokenCase[];

function analyzeSample(file: string): { text: string; analysis: Analysis } {
  const text = readFileSync(join(root, file), 'utf8');
  return { text, analysis: analyze({ text, fileName: file }) };
}

function modelFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((f) => MODEL_FILE.test(f))
    .map((f) => `${dir}/${f}`)
    .sort();
}

function describeDiagnostics(a: Analysis): string {
  return a.diagnostics.map((d) => `${d.severity}[${d.code}] layer ${d.layerIndex ?? '-'}: ${d.message}`).join('\n') || '(none)';
}

test('the golden table is exactly what the independent calculation gives', () => {
  assert.equal(readFileSync(GOLDEN_PATH, 'utf8'), goldenText(), 'run: node --import tsx tests/samples/expected/write-golden.ts');
});

test('every sample model has a golden entry, and every entry a file', () => {
  assert.deepEqual(modelFiles('samples'), Object.keys(samples).sort());
});

for (const [file, expected] of Object.entries(samples)) {
  test(`${file}: every layer's output and parameters match the golden table`, { todo: CORE_BUGS[file] }, () => {
    const { analysis } = analyzeSample(file);
    const got: ExpectedLayer[] = analysis.layers.map((r) => {
      const l: ExpectedLayer = { type: r.decl.type, output: r.output ?? { width: NaN, height: NaN, depth: NaN }, params: r.params };
      if (r.decl.name) l.name = r.decl.name.value;
      return l;
    });
    assert.equal(got.length, expected.layers.length, `${file}: number of layers`);
    const wrong = expected.layers.flatMap((e, i) =>
      JSON.stringify(got[i]) === JSON.stringify(e) ? [] : [`layer ${i}: expected ${JSON.stringify(e)}, got ${JSON.stringify(got[i])}`],
    );
    assert.deepEqual(wrong, [], `${file}: layers that differ from the independent calculation`);
    assert.equal(analysis.totals.params, expected.params, `${file}: total parameters`);
    if (expected.publishedParams !== undefined) assert.equal(analysis.totals.params, expected.publishedParams);
  });

  test(`${file}: diagnostics are exactly the not-whole layers, nothing else`, { todo: CORE_BUGS[file] }, () => {
    const { analysis } = analyzeSample(file);
    assert.equal(analysis.model.rounding.value, expected.rounding);
    // Under strict a non-whole size is an error; under floor the same code at information severity.
    const severity = expected.rounding === 'strict' ? 'error' : 'information';
    const got = analysis.diagnostics.map((d) => `${d.severity}[${d.code}] layer ${d.layerIndex}`);
    const want = expected.notWhole.map((i) => `${severity}[non-integer-output] layer ${i}`);
    assert.deepEqual(got, want, describeDiagnostics(analysis));
  });
}

test('the not-whole samples exist: the paper\'s AlexNet and the tutorial\'s stride 3 fail under strict', () => {
  for (const file of ['samples/alexnet-224.cnn.json', 'samples/stride3-not-whole.cnn.yaml']) {
    assert.equal(samples[file]?.rounding, 'strict');
    assert.equal(samples[file]?.notWhole[0], 0, `${file}: the first layer is the one that is not whole`);
  }
  assert.deepEqual(samples['samples/stride3-padding1.cnn.yml']?.layers[0]?.output, { width: 11, height: 11, depth: 8 });
});

test('there is one broken sample for every diagnostic code, and a golden entry for every broken sample', () => {
  assert.deepEqual(modelFiles('samples/broken'), broken.map((b) => b.file).sort());
  assert.deepEqual(broken.map((b) => b.code).sort(), Object.keys(CODES).sort());
});

test('the broken samples exercise CRLF, tabs and characters outside the BMP before the diagnostic', () => {
  const texts = broken.map((b) => readFileSync(join(root, b.file), 'utf8'));
  assert.ok(texts.some((t) => t.includes('\r\n')), 'a file with CRLF line ends (see samples/broken/.gitattributes)');
  assert.ok(texts.some((t) => t.includes('\t')), 'a file indented with tabs');
  assert.ok(texts.some((t) => /[\u{10000}-\u{10FFFF}]/u.test(t)), 'a file with an emoji');
});

for (const b of broken) {
  test(`${b.file}: one ${b.code} ${b.severity} at ${b.line}:${b.character}, and nothing else`, { todo: CORE_BUGS[b.file] }, () => {
    const { text, analysis } = analyzeSample(b.file);
    assert.equal(analysis.diagnostics.length, 1, describeDiagnostics(analysis));
    const d = analysis.diagnostics[0]!;
    assert.equal(d.code, b.code);
    assert.equal(d.severity, b.severity);
    const doc = TextDocument.create(b.file, 'cnn', 0, text);
    assert.deepEqual(doc.positionAt(d.span.start), { line: b.line, character: b.character });
    if (b.text !== undefined) assert.equal(text.slice(d.span.start, d.span.end), b.text);
  });
}
