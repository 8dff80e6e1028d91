// The X-or-O network of the tutorials (samples/xo): hand-set weights, and every sample picture is
// classified as its file name says (x-… → X, o-… → O).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core/src/index';
import { runPipeline } from '../../runner/src/run/pipeline';

const dir = join(__dirname, '../../samples/xo');
const model = join(dir, 'xo.cnn.yaml');
const images = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();

test('the X-or-O model is clean: no diagnostic at all, every tensor inline', () => {
  const a = analyze({ text: readFileSync(model, 'utf8'), fileName: model });
  assert.deepEqual(a.diagnostics.map((d) => d.message), []);
  assert.ok(a.layers.filter((l) => l.decl.inlineParameters).length === 2);
});

test('at least 8 sample pictures, both classes, shifted and deformed ones among them', () => {
  assert.ok(images.length >= 8, `${images.length} pictures`);
  assert.ok(images.filter((f) => f.startsWith('x')).length >= 4);
  assert.ok(images.filter((f) => f.startsWith('o')).length >= 3);
  for (const kind of ['shifted', 'thick', 'rotated', 'distorted']) assert.ok(images.some((f) => f.includes(kind)), kind);
});

test('every sample picture is classified correctly, with trained (inline) weights only', async () => {
  const r = await runPipeline({ modelFile: model, images: images.map((f) => join(dir, f)) });
  assert.deepEqual(r.errors, []);
  assert.equal(r.untrained, undefined);
  assert.equal(r.outputs.length, images.length);
  for (const o of r.outputs) {
    const want = /\/x[^/]*$/.test(o.image) ? 'X' : 'O';
    assert.equal(o.top[0]!.label, want, `${o.image}: ${JSON.stringify(o.top)}`);
    assert.ok(o.top[0]!.score > 0.9, `${o.image}: a clear decision (${o.top[0]!.score})`);
    assert.ok(Math.abs(o.output[0]! + o.output[1]! - 1) < 1e-5, 'softmax');
  }
});
