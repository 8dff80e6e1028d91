// `cnnshape layers [--json] [TYPE...]` as a user runs it (the built bin/cnnshape.js: `node scripts/build.mjs`
// first, as `npm test` does), and its agreement with the JSON Schema, the grammars and docs/layers.md:
// every list of layer types and parameters in the repository is the registry's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { COMMON_KEYS, LAYER_TYPES, layerReference, type LayerReference } from '../../core/src/index';
import { renderLayersText } from '../../cli/src/commands/layers';

const root = resolve(__dirname, '..', '..');
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

function cnnshape(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const bin = join(root, 'bin', 'cnnshape.js');
  assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run node scripts/build.mjs first');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let cached: LayerReference[] | undefined;
function cliJson(): LayerReference[] {
  if (!cached) {
    const r = cnnshape('layers', '--json');
    assert.equal(r.status, 0, r.stderr);
    cached = JSON.parse(r.stdout) as LayerReference[];
  }
  return cached;
}

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

test('layers --json: every type in the registry\'s order, the stable keys, the same data as the core (else rebuild)', () => {
  const refs = cliJson();
  assert.deepEqual(refs.map((r) => r.type), [...LAYER_TYPES]);
  for (const r of refs) {
    assert.deepEqual(Object.keys(r), ['type', 'summary', 'doc', 'rule', 'arity', 'aliases', 'featureMaps', 'rounding', 'params', 'weights'], r.type);
    for (const p of r.params) assert.deepEqual(Object.keys(p).slice(0, 7), ['name', 'kind', 'required', 'default', 'defaultFrom', 'doc', 'aliases'], `${r.type}.${p.name}`);
  }
  assert.deepEqual(refs, JSON.parse(JSON.stringify(layerReference())), 'dist/cli.js is older than the registry: run node scripts/build.mjs');
  const conv = refs.find((r) => r.type === 'conv')!;
  assert.deepEqual(conv.params.find((p) => p.name === 'stride'), {
    name: 'stride', kind: 'pair', required: false, default: 1, defaultFrom: null,
    doc: 'Stride: how far the filter moves each step. An integer or [height, width].', aliases: ['strides'], min: 1,
  });
  assert.equal(conv.weights['weight'], '[filters, depth/groups, kh, kw]');
  assert.equal(refs.find((r) => r.type === 'maxpool')!.params.find((p) => p.name === 'stride')!.defaultFrom, 'kernel');
});

test('layers TYPE...: named types only, PyTorch and Keras names too, each once; an unknown one is exit 2 with a suggestion', () => {
  const r = cnnshape('layers', '--json', 'dense', 'Conv2d', 'conv');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as LayerReference[]).map((x) => x.type), ['dense', 'conv']);
  const bad = cnnshape('layers', 'convv');
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /unknown layer type 'convv'\. Did you mean 'conv'\?/);
  const esc = cnnshape('layers', '\u001b[31mred\u0007');
  assert.equal(esc.status, 2);
  assert.doesNotMatch(esc.stderr.replace(/\n/g, ''), CONTROL, 'a control character reached the terminal');
  assert.match(esc.stderr, /\\x1b\[31mred\\x07/);
});

test('layers (text): every type, parameter, default and weight key, readable, no control characters', () => {
  const r = cnnshape('layers');
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout.replace(/\n/g, ''), CONTROL);
  for (const ref of cliJson()) {
    assert.match(r.stdout, new RegExp(`^${ref.type} — `, 'm'), ref.type);
    for (const p of ref.params) assert.match(r.stdout, new RegExp(`^    ${p.name} +(required|default|optional)`, 'm'), `${ref.type}.${p.name}`);
    for (const k of Object.keys(ref.weights)) assert.match(r.stdout, new RegExp(`^    ${k} +\\[`, 'm'), `${ref.type} weight ${k}`);
  }
  assert.match(r.stdout, /^conv — [^\n]*\n(?:.*\n)*? {4}stride +default 1; integer or \[height, width\], each ≥ 1$/m);
  assert.ok(r.stdout.split('\n').every((l) => l.length <= 100 || !l.includes(' ')), 'lines are wrapped at 100 columns');
});

test('the text never prints a control character, whatever the registry holds (property)', () => {
  const base = layerReference(['conv'])[0]!;
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (doc, alias, layout) => {
      const ref: LayerReference = { ...base, doc, aliases: [alias], params: base.params.map((p) => ({ ...p, doc })), weights: { weight: layout } };
      assert.doesNotMatch(renderLayersText([ref]).replace(/\n/g, ''), CONTROL);
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------- the same lists everywhere

const schema = JSON.parse(readFileSync(join(root, 'schemas', 'cnn-model.schema.json'), 'utf8')) as Obj;
const grammar = (name: string): Obj => JSON.parse(readFileSync(join(root, 'syntaxes', name), 'utf8')) as Obj;

/** The word lists `(?:a|b|c)` of a grammar rule's match. */
function wordLists(match: string): string[][] {
  return [...match.matchAll(/\(\?:([A-Za-z0-9_.|\\]+)\)/g)].map((m) => m[1]!.replace(/\\\./g, '.').split('|'));
}
/** Every match string of a rule (a rule with `patterns` has several). */
function matches(rule: Json | undefined): string[] {
  const r = rule as Obj;
  if (typeof r['match'] === 'string') return [r['match']];
  return (r['patterns'] as { match: string }[]).map((p) => p.match);
}

test('the CLI\'s types and parameters are exactly the schema\'s', () => {
  const refs = cliJson();
  const layerObject = (schema['definitions'] as Obj)['layerObject'] as Obj;
  assert.deepEqual(((layerObject['properties'] as Obj)['type'] as Obj)['enum'], refs.map((r) => r.type));
  const branches = layerObject['allOf'] as Obj[];
  assert.equal(branches.length, refs.length);
  for (const r of refs) {
    const branch = branches.find((b) => (((b['if'] as Obj)['properties'] as Obj)['type'] as Obj)['const'] === r.type);
    assert.ok(branch, `schema branch for ${r.type}`);
    const then = branch['then'] as Obj;
    // a window layer's own `rounding` is a key of the format, not a parameter of the type
    const own = Object.keys(then['properties'] as Obj).filter((k) => !(k in COMMON_KEYS) && !(k === 'rounding' && r.rounding));
    assert.equal('rounding' in (then['properties'] as Obj), r.rounding, `${r.type}: rounding key`);
    assert.deepEqual(own, r.params.map((p) => p.name), `${r.type}: parameters`);
    for (const p of r.params) {
      const s = (then['properties'] as Obj)[p.name] as Obj;
      assert.deepEqual(s['default'], p.default ?? undefined, `${r.type}.${p.name} default`);
    }
    assert.deepEqual(then['required'] ?? [], [...r.params.filter((p) => p.required).map((p) => p.name), ...(r.arity === 'many' ? ['inputs'] : [])]);
  }
});

test('the CLI\'s types and parameters are exactly the grammars\' lists (all five type lists, both parameter lists)', () => {
  const refs = cliJson();
  const types = refs.map((r) => r.type);
  const params = new Set(refs.flatMap((r) => r.params.map((p) => p.name)));
  const weightKeys = new Set(refs.flatMap((r) => Object.keys(r.weights)));
  let typeLists = 0;
  for (const file of ['cnn-yaml.injection.tmLanguage.json', 'cnn-json.injection.tmLanguage.json']) {
    const repo = grammar(file)['repository'] as Obj;
    for (const rule of ['layer-type', 'bare-layer']) {
      for (const m of matches(repo[rule])) {
        const lists = wordLists(m);
        assert.equal(lists.length, 1, `${file} ${rule}: one word list`);
        assert.deepEqual(lists[0], types, `${file} ${rule}`);
        typeLists++;
      }
    }
    const keys = wordLists(matches(repo['parameter-key'])[0]!)[0]!;
    for (const p of params) assert.ok(keys.includes(p), `${file}: parameter ${p} is coloured`);
    for (const k of Object.keys(COMMON_KEYS)) assert.ok(keys.includes(k), `${file}: ${k} is coloured`);
    const extra = keys.filter((k) => !params.has(k) && !(k in COMMON_KEYS) && !weightKeys.has(k) && !['repeat', 'first'].includes(k));
    assert.deepEqual(extra, [], `${file}: words in parameter-key that are no parameter`);
  }
  assert.equal(typeLists, 5, 'the type list is written five times in the grammars');
});

test('docs/layers.md has a section per type with every parameter and weight key', () => {
  const md = readFileSync(join(root, 'docs', 'layers.md'), 'utf8');
  const sections = [...md.matchAll(/^## `([^`]+)`$/gm)].map((m) => m[1]);
  assert.deepEqual(sections, cliJson().map((r) => r.type));
  for (const r of cliJson()) {
    const body = md.split(`## \`${r.type}\``)[1]!.split(/^## /m)[0]!;
    for (const p of r.params) assert.match(body, new RegExp(`^\\| \`${p.name}\` \\|`, 'm'), `${r.type}.${p.name}`);
    for (const k of Object.keys(r.weights)) assert.ok(body.includes(`\`<layer>.${k}\``), `${r.type} weight ${k}`);
    assert.ok(body.includes(r.rule), `${r.type}: rule`);
  }
});
