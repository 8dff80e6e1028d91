// The registry is the one source of truth about layer types: these tests hold each declaration to
// what consumers rely on (keys are types, defaults are filled once, weight layouts match shapes).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, LAYER_DEFS, LAYERS, LAYER_TYPES } from '../../core/src/index';

test('every registry key is its layer type, listed once', () => {
  for (const [key, spec] of Object.entries(LAYER_DEFS)) assert.equal(spec.type, key);
  assert.equal(new Set(LAYER_TYPES).size, LAYER_TYPES.length);
  assert.deepEqual([...LAYERS.keys()], LAYER_TYPES);
});

test('each parameter is required, has a default, or is optional-checked; defaultFrom names a parameter', () => {
  for (const spec of LAYERS.values()) {
    assert.ok(spec.rule.length > 0, `${spec.type} states its shape rule`);
    for (const [name, p] of Object.entries(spec.params)) {
      assert.ok(!(p.required && (p.default !== undefined || p.defaultFrom !== undefined)), `${spec.type}.${name}: required with a default`);
      if (p.defaultFrom !== undefined) assert.ok(p.defaultFrom in spec.params, `${spec.type}.${name}: defaultFrom ${p.defaultFrom}`);
      assert.ok(p.doc.length > 0, `${spec.type}.${name} has a doc`);
    }
  }
});

test('an alias never names another layer type', () => {
  for (const spec of LAYERS.values()) {
    for (const a of spec.aliases) {
      const other = LAYERS.get(a.toLowerCase());
      assert.ok(!other || other.type === spec.type, `${spec.type} alias ${a} is the type ${other?.type}`);
    }
  }
});

test('the reader fills every default once: values are complete, written ones win, stride defaults to the kernel', () => {
  const a = analyze({ text: 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, bias: false}\n  - {type: maxpool, kernel: [2, 3]}\n  - relu\n', fileName: 'm.cnn.yaml' });
  const [conv, pool] = a.model.layers;
  assert.deepEqual(conv!.values, { filters: 4, kernel: [3, 3], bias: false, stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 });
  assert.deepEqual(pool!.values['stride'], [2, 3]);
  assert.equal(conv!.params.has('stride'), false, 'a default is not written');
});

test('weight layouts name exactly the tensors the shapes give', () => {
  const a = analyze({ text: 'input: 8x8x4\nlayers:\n  - {type: conv, filters: 6, kernel: 3, groups: 2}\n  - batchnorm\n  - flatten\n  - {type: dense, units: 5}\n', fileName: 'm.cnn.yaml' });
  const seen = new Set<string>();
  for (const r of a.layers) {
    const spec = LAYERS.get(r.decl.type)!;
    if (!spec.weights) continue;
    seen.add(spec.type);
    const shapes = spec.weights.shapes(r.decl.values, r.inputShapes[0]!);
    for (const k of Object.keys(shapes)) assert.ok(k in spec.weights.layout, `${spec.type}: ${k} has a layout`);
  }
  assert.deepEqual([...seen].sort(), ['batchnorm', 'conv', 'dense']);
  assert.deepEqual(LAYERS.get('conv')!.weights!.shapes(a.model.layers[0]!.values, { width: 8, height: 8, depth: 4 }), { weight: [6, 2, 3, 3], bias: [6] });
});

test('did you mean knows other frameworks\' names from the registry', () => {
  const a = analyze({ text: 'input: 32x32x3\nlayers:\n  - {type: Conv2d, out_channels: 4, kernel_size: 3}\n  - {type: conv, filters: 4, kernel_size: 3}\n', fileName: 'm.cnn.yaml' });
  const msgs = a.diagnostics.map((d) => d.message);
  assert.ok(msgs.some((m) => m.includes("unknown layer type 'Conv2d'") && m.includes("Did you mean 'conv'?")), msgs.join('\n'));
  assert.ok(msgs.some((m) => m.includes("no parameter 'kernel_size'") && m.includes("Did you mean 'kernel'?")), msgs.join('\n'));
});
