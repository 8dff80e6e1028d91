// The model graph of every sample: one node per layer plus the input, one edge per input of each layer
// labelled with the shape the core computed, problems on the right nodes, block uses as groups; the
// collapsed view; the SVG well-formed and escaped whatever the names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { analyze, shapeLabel, type Analysis } from '../../core/src/index';
import { buildGraph, layoutGraph, renderSvg, visibleGraph, type ModelGraph } from '../../server/src/graph/index';
import { xmlProblems } from './xml';

const root = resolve(__dirname, '..', '..');

function samples(dir = join(root, 'samples')): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return samples(p);
    return /\.cnn\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

function graphOf(file: string): { a: Analysis; g: ModelGraph } {
  const a = analyze({ text: readFileSync(file, 'utf8'), fileName: file });
  return { a, g: buildGraph(a, file) };
}

const files = samples();

test('there are samples, v1 and v2, branched and with blocks', () => {
  assert.ok(files.length >= 20, `${files.length} samples`);
  assert.ok(files.some((f) => f.includes('/v2/')));
});

for (const file of files) {
  const name = file.slice(root.length + 1);
  test(`graph of ${name}: nodes, shape-labelled edges, problems`, () => {
    const { a, g } = graphOf(file);
    assert.equal(g.nodes.length, a.layers.length + 1, 'one node per layer plus the input');
    assert.equal(g.nodes[0]!.id, 'input');
    assert.equal(g.nodes[0]!.output, shapeLabel(a.model.input?.value));
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.equal(ids.size, g.nodes.length, 'node ids are unique');
    assert.equal(g.edges.length, a.layers.reduce((s, l) => s + l.sources.length, 0), 'one edge per input');
    for (const e of g.edges) {
      assert.ok(ids.has(e.from) && ids.has(e.to), `edge ${e.id} joins nodes`);
      const target = a.layers[Number(e.to.slice(1))]!;
      const src = target.sources[e.port]!;
      const expected = target.inputShapes[e.port] ?? (src < 0 ? a.model.input?.value : a.layers[src]?.output);
      assert.equal(e.label, shapeLabel(expected), `edge ${e.from} → ${e.to}`);
    }
    for (const l of a.layers) {
      const n = g.nodes[l.decl.index + 1]!;
      assert.equal(n.layer, l.decl.index);
      assert.equal(n.output, shapeLabel(l.output));
      const errs = a.diagnostics.filter((d) => d.layerIndex === l.decl.index && d.severity === 'error');
      if (errs.length) assert.equal(n.status, 'error', `${n.name} has an error`);
      if (n.status === 'error') assert.ok(n.messages.some((m) => m.severity === 'error'), 'a red node says why');
      if (a.diagnostics.some((d) => d.layerIndex === l.decl.index && d.code === 'non-integer-output')) assert.ok(n.nonWhole);
      assert.equal(n.group, l.decl.block ? `G:${l.decl.block.use}` : undefined);
    }
    if (a.layers.length) assert.ok(g.nodes[g.nodes.length - 1]!.isOutput, 'the last layer is the output');
    assert.equal(g.nodes.filter((n) => n.isOutput).length, a.layers.length ? 1 : 0);
    // Groups: one per block use, with a parent that exists.
    const uses = a.model.blocks?.uses.filter((u) => u.copies.length) ?? [];
    const groups = new Set(g.groups.map((x) => x.id));
    for (const u of uses) assert.ok(groups.has(`G:${u.id}`), `group for ${u.id}`);
    for (const x of g.groups) if (x.parent !== undefined) assert.ok(groups.has(x.parent), `${x.id}'s parent`);
    for (const n of g.nodes) if (n.group !== undefined) assert.ok(groups.has(n.group), `${n.name}'s group`);
  });
}

test('ResNet-18 (v1): 56×56×64 flows into layer1\'s first conv and both inputs of its add', () => {
  const { g } = graphOf(join(root, 'samples', 'resnet18.cnn.yaml'));
  const adds = g.nodes.filter((n) => n.type === 'add');
  assert.equal(adds.length, 8);
  const firstAdd = g.edges.filter((e) => e.to === adds[0]!.id);
  assert.deepEqual(firstAdd.map((e) => e.label), ['56×56×64', '56×56×64']);
  const conv1 = g.nodes.find((n) => n.type === 'conv')!;
  assert.equal(conv1.detail, '7×7 /2, 64');
});

test('a mismatched add shows both incoming shapes, on the node and its edges', () => {
  const a = analyze({ fileName: 'm.cnn.yaml', text: 'input: 8x8x3\nlayers:\n  - {name: a, type: conv, filters: 4, kernel: 3, padding: 1}\n  - {name: b, type: conv, inputs: input, filters: 8, kernel: 3, stride: 2, padding: 1}\n  - {name: s, type: add, inputs: [a, b]}\n' });
  const g = buildGraph(a, 'm');
  const s = g.nodes.find((n) => n.name === 's')!;
  assert.equal(s.status, 'error');
  assert.deepEqual(s.mismatch, ['8×8×4', '4×4×8']);
  assert.deepEqual(g.edges.filter((e) => e.to === s.id).map((e) => [e.label, e.mismatch]), [['8×8×4', true], ['4×4×8', true]]);
});

test('v2 ResNet-18: block uses are groups (copies inside repeated uses); collapsed, each is one node', async () => {
  const { a, g } = graphOf(join(root, 'samples', 'v2', 'resnet18.cnn.yaml'));
  const uses = g.groups.filter((x) => x.kind === 'use');
  assert.deepEqual(uses.map((u) => `${u.name}:${u.definition}×${u.copies}`), ['layer1:basic×2', 'layer2.0:basic_down×1', 'layer2:basic×1', 'layer3.0:basic_down×1', 'layer3:basic×1', 'layer4.0:basic_down×1', 'layer4:basic×1']);
  assert.deepEqual(g.groups.filter((x) => x.parent === 'G:layer1').map((x) => x.name), ['layer1.0', 'layer1.1']);
  const all = new Set(uses.map((u) => u.id));
  const v = visibleGraph(g, all);
  const topLevel = a.layers.filter((l) => !l.decl.block).length;
  assert.equal(v.items.length, topLevel + 1 + uses.length, 'input, top-level layers and one node per use');
  assert.equal(v.frames.length, 0);
  const layer1 = v.items.find((i) => i.id === 'G:layer1');
  assert.ok(layer1 && layer1.kind === 'block');
  assert.deepEqual(layer1.inputs, ['56×56×64']);
  assert.equal(layer1.output, '56×56×64');
  assert.equal(layer1.layers.length, 14);
  // Edges: none inside a collapsed block, and the stage chain is visible.
  for (const e of v.edges) assert.notEqual(e.from, e.to);
  assert.ok(v.edges.some((e) => e.from === 'G:layer1' && e.to === 'G:layer2.0' && e.label === '56×56×64'));
  // Expanded: every layer is a node inside its frame.
  const open = visibleGraph(g, new Set());
  assert.equal(open.items.length, g.nodes.length);
  assert.equal(open.frames.length, g.groups.length);
  const layout = await layoutGraph(v);
  assert.equal(layout.items.length, v.items.length);
  assert.equal(xmlProblems(renderSvg(layout, { standalone: true })).length, 0);
});

test('an error inside a collapsed block makes the block red', () => {
  const { g } = graphOf(join(root, 'samples', 'v2', 'unet.cnn.yaml'));
  if (!g.nodes.some((n) => n.status === 'error')) return; // the sample checks cleanly once its layer types exist
  const v = visibleGraph(g, new Set(g.groups.map((x) => x.id)));
  const red = v.items.filter((i) => i.kind === 'block' && i.status === 'error');
  assert.ok(red.length > 0);
});

const HOSTILE = `<script>alert("x")</script> "&' ]]> \u0001 \ud800`;

function hostileModel(name: string): string {
  return `name: ${JSON.stringify(name)}\ninput: 8x8x1\nlayers:\n  - {name: ${JSON.stringify(name)}, type: conv, filters: 2, kernel: 3}\n  - {name: ${JSON.stringify(name + '2')}, type: bogus}\n`;
}

test('hostile layer names are escaped: the SVG is well-formed and holds no markup of theirs', async () => {
  const a = analyze({ fileName: 'h.cnn.yaml', text: hostileModel(HOSTILE) });
  const svg = renderSvg(await layoutGraph(visibleGraph(buildGraph(a, a.model.name?.value ?? 'h'), new Set())), { standalone: true });
  assert.deepEqual(xmlProblems(svg), []);
  assert.ok(!svg.includes('<script'), 'no raw <script');
  assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&amp;&#39;'), 'escaped text is there');
});

test('the XML check catches what it should', () => {
  assert.notDeepEqual(xmlProblems('<svg><g></svg>'), []);
  assert.notDeepEqual(xmlProblems('<svg><text>a < b</text></svg>'), []);
  assert.notDeepEqual(xmlProblems('<svg><text>a & b</text></svg>'), []);
  assert.notDeepEqual(xmlProblems('<svg a="1" a="2"/>'), []);
  assert.deepEqual(xmlProblems('<?xml version="1.0"?>\n<svg a="&amp;"><g/><text>x &lt; y</text></svg>'), []);
});

test('any layer name gives a well-formed SVG (generated names)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 24 }), async (name) => {
      const a = analyze({ fileName: 'h.cnn.yaml', text: hostileModel(name) });
      const svg = renderSvg(await layoutGraph(visibleGraph(buildGraph(a, name), new Set())), { standalone: false });
      assert.deepEqual(xmlProblems(svg), [], JSON.stringify(name));
    }),
    { numRuns: 60 },
  );
});
