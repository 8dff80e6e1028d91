// The live view's layout cache: an edit that only changes what boxes and labels say reuses the previous
// ELK answer (and gives the same picture as a fresh layout); an edit that changes the structure (a new
// layer, a collapsed block, a box that grows past its width step) runs ELK again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../core/src/index';
import { buildGraph, layoutGraph, visibleGraph, type VisibleGraph } from '../../server/src/graph/index';
import { GraphLayoutCache } from '../../server/src/graph/layoutCache';
import { boxSize, labelWidth } from '../../server/src/graph/labels';

const root = resolve(__dirname, '..', '..');
const v1 = readFileSync(join(root, 'samples', 'resnet18.cnn.yaml'), 'utf8');
const v2 = readFileSync(join(root, 'samples', 'v2', 'resnet18.cnn.yaml'), 'utf8');

function view(text: string, collapsed: string[] = []): VisibleGraph {
  return visibleGraph(buildGraph(analyze({ text, fileName: 'r.cnn.yaml' }), 'r'), new Set(collapsed));
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

test('a label-only edit (fc: 1000 → 10000 units) is answered from the cache, and draws as a fresh layout would', async () => {
  const cache = new GraphLayoutCache();
  await cache.layout(view(v1));
  assert.deepEqual([cache.hits, cache.misses], [0, 1]);
  const edited = view(replaceOnce(v1, 'units: 1000', 'units: 10000'));
  const cached = await cache.layout(edited);
  assert.deepEqual([cache.hits, cache.misses], [1, 1], 'the second layout came from the cache');
  // The new texts are there...
  const fc = cached.items.find((p) => p.item.kind === 'node' && p.item.node.name === 'fc')!;
  assert.ok(fc.text.lines.includes('output 1×1×10000'), fc.text.lines.join(' | '));
  assert.ok(cached.edges.some((e) => e.edge.label === '1×1×512'));
  // ...and the picture is the one ELK gives for the edited graph.
  assert.deepEqual(cached, await layoutGraph(edited));
});

test('an error that changes no box size is a label-only edit too: the node turns red from the cache', async () => {
  const cache = new GraphLayoutCache();
  await cache.layout(view(v1));
  const layout = await cache.layout(view(replaceOnce(v1, 'in_features: 512', 'in_features: 513')));
  assert.equal(cache.hits, 1);
  const fc = layout.items.find((p) => p.item.kind === 'node' && p.item.node.name === 'fc')!;
  assert.equal(fc.item.kind === 'node' && fc.item.node.status, 'error');
});

test('structural edits miss the cache: a new layer, a collapsed block, a box grown past its width step', async () => {
  const cache = new GraphLayoutCache();
  await cache.layout(view(v1));
  await cache.layout(view(replaceOnce(v1, '  - {name: fc,', '  - {name: extra, type: relu}\n  - {name: fc,')));
  assert.deepEqual([cache.hits, cache.misses], [0, 2], 'a new layer');
  await cache.layout(view(v2));
  await cache.layout(view(v2, ['G:layer1']));
  assert.deepEqual([cache.hits, cache.misses], [0, 4], 'a collapsed block');
  await cache.layout(view(v1));
  await cache.layout(view(replaceOnce(v1, '{name: fc,', '{name: fc_with_a_much_longer_name,')));
  assert.deepEqual([cache.hits, cache.misses], [0, 6], 'a wider box');
  // Back to a graph laid out before, but not the last one: the cache holds one layout only.
  await cache.layout(view(v1));
  assert.equal(cache.misses, 7);
});

test('every edge label is placed beside its own edge (not left at the origin)', async () => {
  for (const [text, collapsed] of [[v1, []], [v2, []], [v2, ['G:layer2']]] as const) {
    const l = await layoutGraph(view(text, [...collapsed]));
    for (const e of l.edges) {
      assert.ok(e.label, `edge ${e.edge.id} has a label box`);
      const ys = e.points.map((p) => p[1]);
      const xs = e.points.map((p) => p[0]);
      const b = e.label;
      const near = b.y + b.height >= Math.min(...ys) - 4 && b.y <= Math.max(...ys) + 4 && b.x + b.width >= Math.min(...xs) - 30 && b.x <= Math.max(...xs) + 30;
      assert.ok(near, `label of ${e.edge.id} (${e.edge.label}) at ${b.x},${b.y}; edge ${JSON.stringify(e.points)}`);
    }
  }
});

test('widths grow in steps: one more character rarely changes a size, enough characters always do', () => {
  const box = (line: string) => boxSize({ head: 'conv', title: 'c', lines: [line] }).width;
  assert.equal(box('x'.repeat(21)), box('x'.repeat(24)));
  assert.ok(box('x'.repeat(25)) > box('x'.repeat(24)));
  assert.equal(labelWidth('56×56×64'), labelWidth('56×56×128'));
  assert.ok(labelWidth('56×56×1280') > labelWidth('56×56×128'));
  // Every text still fits its box.
  for (let n = 1; n <= 60; n++) assert.ok(box('x'.repeat(n)) >= n * 7.2 + 20, `${n} characters`);
});
