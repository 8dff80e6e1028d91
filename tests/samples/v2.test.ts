// The v2 samples (samples/v2/) against what PyTorch itself computes for the same networks
// (tests/samples/expected/v2/*.json, written by tests/pytorch/torchvision_reference.py from torchvision's
// models and the faithful modules in tests/pytorch/reference_models.py, never from the checker):
// no errors, PyTorch's parameter total, and every PyTorch module found under its full name with the same
// output shape and parameter count. The flat files in samples/v2/flat/ (written from torchvision by
// tests/pytorch/flatten_sample.py) must give layer for layer what their block versions give.
import { test, type TestOptions } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze as analyzeModel, type Analysis, type LayerResult, type Shape } from '../../core/src/index';

const root = resolve(__dirname, '..', '..');
const EXPECTED_DIR = join(root, 'tests', 'samples', 'expected', 'v2');
const SAMPLE_DIR = 'samples/v2';
const FLAT_DIR = 'samples/v2/flat';
const MODEL_FILE = /\.cnn\.(ya?ml|json)$/;

/**
 * Files that use v2 (blocks or a v2 layer type) are todo until the core reads v2; the lead removes this
 * when v2 lands. Files written in v1 alone (the flat ResNets) are checked now.
 */
const V2_TODO: string | undefined = undefined;

/** The v1 layer types, from the format spec (not from the core, whose list grows with v2). */
const V1_TYPES = new Set([
  'conv', 'maxpool', 'avgpool', 'globalavgpool', 'globalmaxpool', 'relu', 'sigmoid', 'tanh', 'gelu', 'softmax',
  'leakyrelu', 'batchnorm', 'dropout', 'flatten', 'dense', 'add', 'concat', 'upsample',
]);

interface ExpectedModule {
  name: string;
  module: string;
  output: Shape;
  params: number;
  calls: number;
  /** Every call's output, where one PyTorch module runs several times (ResNet's shared relu). */
  outputs?: Shape[];
}

interface ExpectedSample {
  sample: string;
  reference: string;
  input: Shape;
  params: number;
  published: number | null;
  publishedSource: string;
  modules: ExpectedModule[];
}

function readExpected(): ExpectedSample[] {
  return readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as ExpectedSample);
}

function modelFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((f) => MODEL_FILE.test(f))
    .map((f) => `${dir}/${f}`)
    .sort();
}

function usesV2(text: string): boolean {
  if (/^blocks\s*:/m.test(text)) return true;
  const types = [...text.matchAll(/\btype:\s*([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const bare = [...text.matchAll(/^\s*-\s+([a-z0-9]+)\s*$/gm)].map((m) => m[1]!);
  return [...types, ...bare].some((t) => !V1_TYPES.has(t));
}

function options(text: string): TestOptions {
  return usesV2(text) && V2_TODO !== undefined ? { todo: V2_TODO } : {};
}

/** The layer's full name: with blocks expanded, `decl.id` is `layer1.0.conv1` (the name, or the index as text). */
function fullName(r: LayerResult): string {
  return r.decl.id;
}

function analyze(file: string): { text: string; analysis: Analysis } {
  const text = readFileSync(join(root, file), 'utf8');
  return { text, analysis: analyzeModel({ text, fileName: file }) };
}

function errorsOf(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => `[${d.code}] layer ${d.layerIndex ?? '-'}: ${d.message}`);
}

const shapeText = (s: Shape | null | undefined): string => (s ? `${s.width}×${s.height}×${s.depth}` : String(s));

/**
 * Every PyTorch module, under its name, with PyTorch's output and parameters. A module called k times is
 * k layers in the file: the first keeps the module's name, the later ones are `<name>2`, `<name>3`, ...
 * (the naming the samples use for ResNet's shared relu and SPPF's max pool).
 */
function differences(expected: ExpectedSample, a: Analysis): string[] {
  const byName = new Map<string, LayerResult>();
  for (const r of a.layers) byName.set(fullName(r), r);
  const wrong: string[] = [];
  for (const m of expected.modules) {
    (m.outputs ?? [m.output]).forEach((want, k) => {
      const name = k === 0 ? m.name : `${m.name}${k + 1}`;
      const params = k === 0 ? m.params : 0;
      const got = byName.get(name);
      if (!got) wrong.push(`${name} (${m.module}): no layer of that name`);
      else if (shapeText(got.output) !== shapeText(want) || got.params !== params) {
        wrong.push(`${name} (${m.module}): PyTorch ${shapeText(want)}, ${params} params; checker ${shapeText(got.output)}, ${got.params} params`);
      }
    });
  }
  return wrong;
}

const expectedSamples = readExpected();

test('every v2 sample has a PyTorch reference, and every reference a sample', () => {
  assert.deepEqual(expectedSamples.map((e) => e.sample).sort(), modelFiles(SAMPLE_DIR));
});

test('every flat v2 file has its block version beside it', () => {
  for (const flat of modelFiles(FLAT_DIR)) assert.ok(existsSync(join(root, flat.replace('/flat/', '/'))), flat);
  assert.ok(modelFiles(FLAT_DIR).length >= 2, 'at least ResNet-50 and MobileNetV2 flat');
});

test('the PyTorch references add up: module parameters sum to the total, the published total is met', () => {
  for (const e of expectedSamples) {
    assert.equal(e.modules.reduce((s, m) => s + m.params, 0), e.params, e.sample);
    // YOLOv8n's published total includes the Detect head, which the sample leaves out (see the sample).
    if (e.published !== null && !e.sample.endsWith('yolov8n.cnn.yaml')) assert.equal(e.params, e.published, e.sample);
  }
});

for (const expected of expectedSamples) {
  const files = [expected.sample, expected.sample.replace(`${SAMPLE_DIR}/`, `${FLAT_DIR}/`)].filter((f) => existsSync(join(root, f)));
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    test(`${file}: no errors, ${expected.params.toLocaleString('en')} parameters, every PyTorch module's shape and parameters`, options(text), () => {
      const { analysis } = analyze(file);
      assert.deepEqual(errorsOf(analysis), [], `${file}: errors`);
      assert.deepEqual(differences(expected, analysis), [], `${file}: layers that differ from ${expected.reference}`);
      assert.equal(analysis.totals.params, expected.params, `${file}: total parameters`);
    });
  }
}

for (const flat of modelFiles(FLAT_DIR)) {
  const blocks = flat.replace('/flat/', '/');
  const text = readFileSync(join(root, blocks), 'utf8');
  test(`${blocks} gives layer for layer what ${flat} gives (names, types, shapes, parameters)`, options(text), () => {
    const rows = (file: string): string[] =>
      analyze(file).analysis.layers.map((r) => `${fullName(r)} ${r.decl.type} ${shapeText(r.output)} ${r.params}`);
    assert.deepEqual(rows(blocks), rows(flat));
    assert.equal(analyze(blocks).analysis.totals.params, analyze(flat).analysis.totals.params);
  });
}
