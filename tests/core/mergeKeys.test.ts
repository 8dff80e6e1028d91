// YAML `<<` merge keys, in block, flow and nested positions: the syntax tree resolves them as
// eemeli/yaml itself does (`YAML.parse(text, { merge: true })`), the fast path declines or agrees, and
// merged values keep the spans of the anchored text they come from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import YAML from 'yaml';
import { analyze, parseYaml, scanYamlFast, type AstNode } from '../../core/src/index';

/** The tree as plain data (a repeated key: the first one, as the model reader takes it). */
function toJs(n: AstNode | null): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toJs);
  const o: Record<string, unknown> = {};
  for (const p of n.pairs) if (!(String(p.key.value) in o)) o[String(p.key.value)] = toJs(p.value);
  return o;
}

const CASES: Record<string, string> = {
  block: 'base: &base\n  kernel: 3\n  padding: 1\nlayer:\n  <<: *base\n  filters: 64\n',
  'block, explicit key overrides': 'base: &base\n  kernel: 3\n  filters: 32\nlayer:\n  <<: *base\n  filters: 64\n',
  'block, explicit key before the merge': 'base: &base\n  kernel: 3\n  filters: 32\nlayer:\n  filters: 64\n  <<: *base\n',
  flow: 'a: &a {type: conv, filters: 32, kernel: 3}\nb: {<<: *a, filters: 64}\n',
  'flow, whole document': '{a: &a {kernel: 3, stride: 1}, b: {stride: 2, <<: *a}}\n',
  'list of sources: the earlier wins': 'a: &a {kernel: 3, stride: 1}\nb: &b {kernel: 5, padding: 2}\nc:\n  <<: [*a, *b]\n  name: c\n',
  'an inline mapping': 'c: {<<: {kernel: 5, padding: 2}, kernel: 7}\n',
  'an alias of a list of mappings': 'a: &a {kernel: 3}\nb: &b {padding: 1}\nboth: &both [*a, *b]\nc: {<<: *both}\n',
  'nested: in a layer list': 'input: 32x32x3\nlayers:\n  - &conv3 {type: conv, filters: 32, kernel: 3, padding: 1}\n  - relu\n  - {<<: *conv3, filters: 64}\n  - <<: *conv3\n    name: third\n',
  'nested: a merged mapping that merges': 'a: &a {kernel: 3, stride: 1}\nb: &b {<<: *a, stride: 2}\nc:\n  d:\n    <<: *b\n    filters: 8\n',
  'nested: in a nested mapping': 'pre: &pre {scale: 0.5, mean: [0.5]}\nmodel:\n  preprocess:\n    <<: *pre\n    std: [0.25]\n',
  'a quoted << is an ordinary key': "a: &a {kernel: 3}\nb: {'<<': *a, filters: 4}\n",
};

for (const [name, text] of Object.entries(CASES)) {
  test(`merge keys as eemeli/yaml resolves them: ${name}`, () => {
    const tree = parseYaml(text);
    assert.deepEqual(tree.problems, []);
    assert.deepEqual(toJs(tree.root), YAML.parse(text, { merge: true }));
    // No key spelled like a symbol survives anywhere.
    assert.doesNotMatch(JSON.stringify(tree.root), /Symbol\(/);
    const fast = scanYamlFast(text, 0);
    if (fast !== undefined) assert.deepStrictEqual(fast, tree, 'the fast path gives the same tree or declines');
  });
}

test('the option that resolves merges matters: without it eemeli keeps << as a key', () => {
  // Guards the comparison above: it would not notice merges that are simply left alone.
  const text = CASES['flow']!;
  assert.notDeepEqual(YAML.parse(text, { merge: false }), YAML.parse(text, { merge: true }));
});

test('merged values keep the spans of the anchored text; explicit ones their own', () => {
  const text = CASES['flow']!;
  const root = parseYaml(text).root;
  assert.ok(root?.kind === 'map');
  const b = root.pairs[1]!.value;
  assert.ok(b?.kind === 'map');
  const merge = text.indexOf('<<');
  for (const p of b.pairs) {
    const valueText = text.slice(p.value!.start, p.value!.end);
    assert.equal(valueText, String(p.value!.kind === 'scalar' ? p.value!.value : ''), `${String(p.key.value)}'s span holds its value`);
    const merged = p.key.value !== 'filters';
    assert.equal(p.key.start < merge, merged, `${String(p.key.value)} ${merged ? 'points at the anchor' : 'is in the merging mapping'}`);
  }
  assert.equal(text.slice(b.pairs.find((p) => p.key.value === 'filters')!.value!.start).slice(0, 2), '64');
  // The mapping still ends with its own text.
  assert.equal(text.slice(b.start, b.end), '{<<: *a, filters: 64}');
});

test('a layer {<<: *conv3, filters: 64} is a conv with 64 filters, without errors', () => {
  const a = analyze({ text: CASES['nested: in a layer list']!, fileName: 'm.cnn.yaml' });
  assert.deepEqual(a.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  assert.deepEqual(a.layers.map((l) => l.output?.depth), [32, 32, 64, 32]);
  assert.equal(a.layers[3]!.decl.name?.value, 'third');
});

test('a problem in a merged value is reported at the anchor\'s text', () => {
  const text = 'input: 8x8x1\nlayers:\n  - &c {type: conv, filters: 4, kernel: 3, bogus: 1}\n  - {<<: *c, filters: 2}\n';
  const a = analyze({ text, fileName: 'm.cnn.yaml' });
  const unknown = a.diagnostics.filter((d) => d.code === 'unknown-parameter');
  assert.equal(unknown.length, 2, 'both layers have the unknown parameter');
  for (const d of unknown) assert.equal(d.span.start, text.indexOf('bogus'));
});

test('a merge of something that is not a mapping is a syntax error, not a crash', () => {
  for (const text of ['a: &a 3\nb: {<<: *a, k: 1}\n', 'b: {<<: [1, 2]}\n', 'b: {<<: *nothing}\n']) {
    const tree = parseYaml(text);
    assert.ok(tree.problems.some((p) => p.severity === 'error'), text);
  }
});
