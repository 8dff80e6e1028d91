// `cnnshape graph` as a user runs it (the built bin/cnnshape.js: `node scripts/build.mjs` first): SVG with
// one node per layer and one labelled edge per input, PNG, DOT that Graphviz reads, escaped names, and
// the model file never overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../../core/src/index';
import { xmlProblems } from '../graph/xml';

const root = resolve(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'cnnshape-graph-'));

function cnnshape(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run node scripts/build.mjs first');
  const r = spawnSync(process.execPath, [join(root, 'bin', 'cnnshape.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

for (const sample of ['samples/resnet18.cnn.yaml', 'samples/inception-block.cnn.json', 'samples/unet-small.cnn.yaml', 'samples/v2/resnet50.cnn.yaml']) {
  test(`cnnshape graph ${sample} --svg: a node per layer, a labelled edge per input`, () => {
    const out = join(tmp, 'g.svg');
    const r = cnnshape('graph', sample, '--svg', out);
    assert.equal(r.status, 0, r.stderr);
    const svg = readFileSync(out, 'utf8');
    assert.deepEqual(xmlProblems(svg), []);
    const a = analyze({ text: readFileSync(join(root, sample), 'utf8'), fileName: sample });
    assert.equal(count(svg, /<g class="node[^"]*" data-id="L\d+" data-layer="\d+"/g), a.layers.length);
    assert.equal(count(svg, /<g class="node[^"]*" data-id="input"/g), 1);
    const inputs = a.layers.reduce((s, l) => s + l.sources.length, 0);
    assert.equal(count(svg, /<g class="edge[^"]*"[^>]*><path [^>]*\/><rect [^>]*\/><text [^>]*>\d+×\d+×\d+<\/text><\/g>/g), inputs);
  });
}

test('--png writes a PNG; --dot writes DOT that Graphviz reads', () => {
  const png = join(tmp, 'g.png');
  const dot = join(tmp, 'g.dot');
  const r = cnnshape('graph', 'samples/lenet5.cnn.yaml', '--png', png, '--dot', dot);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const text = readFileSync(dot, 'utf8');
  assert.match(text, /^digraph model \{/);
  const a = analyze({ text: readFileSync(join(root, 'samples/lenet5.cnn.yaml'), 'utf8'), fileName: 'lenet5.cnn.yaml' });
  assert.equal(count(text, /^ {2}"[^"]+" -> "[^"]+" \[label="\d+×\d+×\d+"/gm), a.layers.length);
  const gv = spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8' });
  if (gv.error) return; // Graphviz not installed here (the bench installs it)
  assert.equal(gv.status, 0, gv.stderr);
});

test('without an output option, the SVG goes to standard output', () => {
  const r = cnnshape('graph', 'samples/lenet5.cnn.yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<\?xml[\s\S]*<\/svg>\n$/);
});

test('a hostile layer name comes out escaped, in SVG and DOT', () => {
  const model = join(tmp, 'hostile.cnn.yaml');
  writeFileSync(model, 'input: 8x8x1\nlayers:\n  - {name: "<script>alert(1)</script>\\"&\'", type: conv, filters: 2, kernel: 3}\n');
  const svg = join(tmp, 'h.svg');
  const dot = join(tmp, 'h.dot');
  const r = cnnshape('graph', model, '--svg', svg, '--dot', dot);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(svg, 'utf8');
  assert.deepEqual(xmlProblems(text), []);
  assert.ok(!text.includes('<script'));
  assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;'));
  assert.ok(readFileSync(dot, 'utf8').includes('<script>alert(1)</script>\\"&\''));
});

test('the model file itself is never overwritten', () => {
  const model = join(tmp, 'keep.cnn.yaml');
  const text = 'input: 8x8x1\nlayers:\n  - relu\n';
  writeFileSync(model, text);
  for (const flag of ['--svg', '--png', '--dot']) {
    const r = cnnshape('graph', model, flag, model);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is the model file itself/);
    assert.equal(readFileSync(model, 'utf8'), text);
  }
});

test('a model with errors is still drawn (exit 1), the bad layer red', () => {
  const out = join(tmp, 'bad.svg');
  const r = cnnshape('graph', 'samples/stride3-not-whole.cnn.yaml', '--svg', out);
  assert.equal(r.status, 1);
  assert.match(readFileSync(out, 'utf8'), /<g class="node error terminal nonwhole|<g class="node error[^"]*nonwhole/);
});
