// Blocks (format v2): expansion, torchvision names, parameters and `$name` substitution, nested blocks,
// cycles, references to a use, its copies and inner layers, diagnostics placed in the definition and
// grouped across copies, the use's one summary, and bounds on huge repeats.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, MAX_REPEAT, type Analysis } from '../../core/src/index';
import { densenet121, densenet121Flat, repeatedBlockFlat, repeatedBlockModel } from '../../bench/blockModels';

const root = join(__dirname, '..', '..');
const yaml = (text: string): Analysis => analyze({ text, fileName: 'm.cnn.yaml' });
const ids = (a: Analysis) => a.layers.map((l) => l.decl.id);
const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');
const at = (a: Analysis, d: { span: { start: number; end: number } }) => a.text.slice(d.span.start, d.span.end);

const BASIC = `blocks:
  basic:
    params:
      filters:
      stride: 1
    layers:
      - {name: conv1, type: conv, filters: $filters, kernel: 3, stride: $stride, padding: 1, bias: false}
      - {name: bn1, type: batchnorm}
      - relu
      - {name: conv2, type: conv, filters: $filters, kernel: 3, padding: 1, bias: false}
      - {name: bn2, type: batchnorm}
      - {name: sum, type: add, inputs: [bn2, input]}
      - relu
  down:
    params: {filters: }
    layers:
      - {name: conv1, type: conv, filters: $filters, kernel: 3, stride: 2, padding: 1, bias: false}
      - {name: bn1, type: batchnorm}
      - relu
      - {name: conv2, type: conv, filters: $filters, kernel: 3, padding: 1, bias: false}
      - {name: bn2, type: batchnorm}
      - {name: downsample.0, type: conv, inputs: input, filters: $filters, kernel: 1, stride: 2, bias: false}
      - {name: downsample.1, type: batchnorm}
      - {name: sum, type: add, inputs: [bn2, downsample.1]}
      - relu
`;

const RESNET18 = `name: ResNet-18 with blocks
input: 224x224x3
rounding: floor
${BASIC}layers:
  - {name: conv1, type: conv, filters: 64, kernel: 7, stride: 2, padding: 3, bias: false}
  - {name: bn1, type: batchnorm}
  - relu
  - {name: maxpool, type: maxpool, kernel: 3, stride: 2, padding: 1}
  - {name: layer1, type: basic, filters: 64, repeat: 2}
  - {name: layer2.0, type: down, filters: 128}
  - {name: layer2, type: basic, filters: 128, repeat: 1, first: 1}
  - {name: layer3.0, type: down, filters: 256}
  - {name: layer3, type: basic, filters: 256, repeat: 1, first: 1}
  - {name: layer4.0, type: down, filters: 512}
  - {name: layer4, type: basic, filters: 512, repeat: 1, first: 1}
  - {name: avgpool, type: globalavgpool}
  - flatten
  - {name: fc, type: dense, units: 1000}
`;

test('ResNet-18 with blocks: torchvision names, the same shapes and totals as the flat sample', () => {
  const a = yaml(RESNET18);
  assert.deepEqual(errors(a), []);
  const names = ids(a);
  for (const n of ['layer1.0.conv1', 'layer1.1.bn2', 'layer2.0.conv1', 'layer2.0.downsample.0', 'layer2.1.conv2', 'layer4.1.bn2', 'fc']) assert.ok(names.includes(n), n);
  assert.ok(!names.includes('layer2.0.0'), 'layer2.0 is a use without repeat: no copy number');
  const flat = analyze({ text: readFileSync(join(root, 'samples/resnet18.cnn.yaml'), 'utf8'), fileName: 'resnet18.cnn.yaml' });
  assert.equal(a.totals.params, 11_689_512);
  assert.equal(a.totals.params, flat.totals.params);
  assert.equal(a.totals.macs, flat.totals.macs);
  assert.equal(a.layers.length, flat.layers.length);
  // Every layer with weights has the flat sample's name (the flat one calls the sums `add` and names the last relu).
  const flatWeighted = flat.layers.filter((l) => l.params > 0).map((l) => [l.decl.id, l.output]);
  const weighted = a.layers.filter((l) => l.params > 0).map((l) => [l.decl.id, l.output]);
  assert.deepEqual(weighted, flatWeighted);
  const inBlock = a.layers.find((l) => l.decl.id === 'layer1.1.conv1')!.decl;
  assert.equal(inBlock.block?.use, 'layer1.1');
  assert.equal(inBlock.block?.definition, 'basic');
  assert.equal(inBlock.block?.copy, 1);
  assert.equal(a.text.slice(inBlock.block.useSpan.start, inBlock.block.useSpan.end), 'basic');
  // Spans of inner layers point into the definition: the `$filters` of conv1.
  assert.equal(at(a, { span: inBlock.params.get('filters')!.span! }), '$filters');
  assert.equal(inBlock.values['filters'], 64);
  assert.equal(a.layers.find((l) => l.decl.id === 'layer3.1.conv1')!.decl.values['filters'], 256);
});

test('index is the position among every layer that runs; an unnamed top-level layer keeps its index in the file', () => {
  const a = yaml(`input: 8x8x3\n${BASIC}layers:\n  - {type: basic, filters: 3, repeat: 2}\n  - relu\n  - {type: conv, filters: 2, kernel: 1, inputs: 0}\n`);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(a.layers.map((l) => l.decl.index), [...a.layers.keys()]);
  assert.deepEqual(ids(a).slice(-2), ['1', '2']);
  // `inputs: 0` names the file's layer 0: the use, i.e. its last copy's output.
  const last = a.layers[a.layers.length - 1]!;
  assert.equal(a.layers[last.sources[0]!]!.decl.id, '0.1.6');
});

test('references: N (the last copy), N.<i> (copy i), full inner names; the layer after a use takes its output', () => {
  const a = yaml(`input: 8x8x4
blocks:
  b:
    output: mid
    layers:
      - {name: mid, type: conv, filters: 4, kernel: 1}
      - {name: tail, type: conv, filters: 4, kernel: 1, inputs: input}
layers:
  - {name: s, type: b, repeat: 3}
  - relu
  - {type: add, inputs: [s, s.0, s.1.tail, s.2.mid]}
`);
  const by = (id: string) => a.layers.findIndex((l) => l.decl.id === id);
  const relu = a.layers[by('s.2.tail') + 1]!;
  assert.deepEqual(relu.sources, [by('s.2.mid')], 'the layer after the use takes the block output, not its last layer');
  assert.deepEqual(a.layers[by('s.1.mid')]!.sources, [by('s.0.mid')], 'copy 1 takes copy 0 output');
  assert.deepEqual(a.layers[by('s.1.tail')]!.sources, [by('s.0.mid')], 'inside copy 1, `input` is copy 0 output');
  const add = a.layers[a.layers.length - 1]!;
  assert.deepEqual(add.sources, [by('s.2.mid'), by('s.0.mid'), by('s.1.tail'), by('s.2.mid')]);
  assert.deepEqual(a.model.blocks!.copiesOf.get('b'), [[by('s.0.mid'), by('s.1.mid'), by('s.2.mid')], [by('s.0.tail'), by('s.1.tail'), by('s.2.tail')]]);
});

test('nested blocks and blocks with two inputs: names, inputs passed through, $name passed down', () => {
  const a = yaml(`input: 8x8x2
blocks:
  unit:
    params: {f: 2}
    layers:
      - {name: c, type: conv, filters: $f, kernel: 3, padding: 1}
  merge:
    inputs: [x, skip]
    params: {width: }
    layers:
      - {name: a, type: unit, f: $width, inputs: x}
      - {name: b, type: unit, f: $width, repeat: 2, inputs: skip}
      - {name: cat, type: concat, inputs: [a, b, x]}
layers:
  - {name: stem, type: conv, filters: 3, kernel: 1}
  - {name: m, type: merge, width: 5, inputs: [stem, input]}
`);
  assert.deepEqual(errors(a), []);
  assert.deepEqual(ids(a), ['stem', 'm.a.c', 'm.b.0.c', 'm.b.1.c', 'm.cat']);
  const cat = a.layers[4]!;
  assert.deepEqual(cat.output, { width: 8, height: 8, depth: 5 + 5 + 3 });
  assert.deepEqual(a.layers[2]!.sources, [-1], 'skip is the network input');
  assert.equal(a.layers[1]!.decl.block?.outer?.use, 'm');
  assert.equal(a.layers[1]!.decl.block?.use, 'm.a');
});

test('parameters: required, defaults, unknown, unused; $name at the right place with the copy named', () => {
  const src = `input: 8x8x3
blocks:
  b:
    params: {f: , k: 3, spare: 1}
    layers:
      - {type: conv, filters: $f, kernel: $k}
layers:
  - {name: one, type: b, f: 4, kk: 2}
  - {name: two, type: b}
  - {name: three, type: b, f: "many"}
`;
  const a = yaml(src);
  const code = (c: string) => a.diagnostics.filter((d) => d.code === c);
  assert.equal(code('unknown-parameter').length, 1);
  assert.equal(at(a, code('unknown-parameter')[0]!), 'kk');
  assert.match(code('unknown-parameter')[0]!.message, /Did you mean 'k'/);
  assert.equal(at(a, code('missing-parameter')[0]!), 'b');
  assert.match(code('missing-parameter')[0]!.message, /needs `f`/);
  const unused = code('unused-parameter');
  assert.equal(unused.length, 1);
  assert.equal(unused[0]!.severity, 'warning');
  assert.equal(at(a, unused[0]!), 'spare');
  const wrong = code('wrong-type').find((d) => d.message.includes('many'))!;
  assert.equal(at(a, wrong), '$f', 'reported at the $name in the definition');
  assert.match(wrong.message, /^in three: filters must be an integer/);
  assert.ok(wrong.related?.some((r) => at(a, r) === '"many"'), 'related: the value given');
  assert.ok(wrong.related?.some((r) => a.text.slice(r.span.start, r.span.end) === 'b' && r.span.start > src.indexOf('three')), 'related: the use');
  // The use that failed says so, once.
  const onThree = a.diagnostics.filter((d) => d.span.start > src.indexOf('three') && at(a, d) === 'b');
  assert.equal(onThree.length, 1);
  assert.match(onThree[0]!.message, /three \(block 'b'\) has errors/);
});

test('an unknown $name is reported once in the definition, however many copies', () => {
  const a = yaml(`input: 8x8x3\nblocks:\n  b:\n    params: {filters: 2}\n    layers:\n      - {type: conv, filters: $filtrs, kernel: 1}\nlayers:\n  - {type: b, repeat: 50, filters: 3}\n`);
  const u = a.diagnostics.filter((d) => d.code === 'unknown-parameter');
  assert.equal(u.length, 1);
  assert.equal(at(a, u[0]!), '$filtrs');
  assert.match(u[0]!.message, /Did you mean 'filters'/);
});

test('a mistake in some copies: reported in the definition per copy, grouped, and the use lists the copies', () => {
  const src = `input: 32x32x3
blocks:
  b:
    layers:
      - {name: c, type: conv, filters: 4, kernel: 3, stride: 2}
layers:
  - {name: layer1, type: b, repeat: 4}
`;
  const a = yaml(src);
  const inner = a.diagnostics.filter((d) => d.code === 'non-integer-output');
  // 32 → 15.5 (copy 0), 15 → 7, 7 → 3, 3 → 1: only copy 0 is not whole.
  const bad = inner.filter((d) => d.span.start < src.indexOf('layers:\n  - {name: layer1'));
  assert.equal(bad.length, 1);
  assert.match(bad[0]!.message, /^in layer1\.0: output width and height \(32 − 3/);
  assert.ok(bad[0]!.related?.some((r) => a.text.slice(r.span.start, r.span.end) === 'b'));
  const use = a.diagnostics.filter((d) => d.span.start === src.indexOf('type: b, repeat') + 6);
  assert.equal(use.length, 1);
  assert.match(use[0]!.message, /^copy layer1\.0 of block 'b' has errors/);
  assert.equal(use[0]!.severity, 'error');
});

test('1000 copies failing identically: one diagnostic in the definition, one on the use', () => {
  const src = `input: 9x9x3
blocks:
  b:
    layers:
      - {type: conv, filters: 3, kernel: 2, stride: 2}
      - {type: upsample, scale: 2}
      - {type: conv, filters: 3, kernel: 2, padding: 1, stride: 1}
layers:
  - {name: s, type: b, repeat: 1000}
`;
  const a = yaml(src);
  assert.equal(a.layers.length, 3000);
  const inner = a.diagnostics.filter((d) => d.span.start < src.indexOf('\nlayers:\n'));
  assert.ok(inner.length <= 8, `bounded: ${inner.length}`);
  assert.ok(inner.some((d) => /^in s\.0 … s\.999 \(1000 copies\): /.test(d.message)), inner.map((d) => d.message).join('\n'));
  const onUse = a.diagnostics.filter((d) => d.span.start > src.indexOf('\nlayers:\n'));
  assert.equal(onUse.length, 1);
  assert.match(onUse[0]!.message, /^copies s\.0 … s\.999 \(1000 copies\) of block 'b' have errors/);
});

test('a mistake in one copy does not hide the others, nor the layers after the use', () => {
  const a = yaml(`input: 8x8x3
blocks:
  b:
    params: {f: }
    layers:
      - {type: conv, filters: $f, kernel: 3, padding: 1}
layers:
  - {name: x, type: b, f: 0}
  - {name: y, type: b, f: 4}
  - {type: conv, filters: 2, kernel: 9}
`);
  assert.ok(a.diagnostics.some((d) => d.message.startsWith('in x: filters is 0')));
  // x's copy has no certain shape (0 filters): y goes on with an estimate, and reports no error of its own.
  const y0 = a.layers.find((l) => l.decl.id === 'y.0');
  assert.equal(y0?.estimated, true, 'y takes x (an estimate)');
  assert.ok(!a.diagnostics.some((d) => d.message.startsWith('in y')), 'no follow-on error in y');
  assert.ok(a.diagnostics.some((d) => /x \(block 'b'\) has errors/.test(d.message)));
});

test('cycles: a block that uses itself, directly or not, is reported in its definition and never expanded', () => {
  const src = `input: 8x8x3
blocks:
  a:
    layers: [relu, b]
  b:
    layers: [{type: a}]
  self:
    layers: [self]
layers:
  - a
  - self
  - relu
`;
  const a = yaml(src);
  const cycles = a.diagnostics.filter((d) => d.code === 'cycle');
  assert.ok(cycles.some((d) => d.span.start === src.indexOf('[self]') + 1));
  assert.ok(cycles.some((d) => /'a' → 'b' → 'a'|'b' → 'a' → 'b'/.test(d.message)));
  assert.ok(cycles.filter((d) => d.span.start > src.indexOf('\nlayers:\n')).length === 2, 'each use of a cyclic block says it cannot be used');
  assert.equal(a.layers.length, 3);
});

test('a repeat beyond the bound, or a total beyond a million layers, is a clear out-of-range error, quickly', () => {
  const t0 = Date.now();
  const over = yaml(`input: 8x8x3\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - {type: b, repeat: ${MAX_REPEAT + 1}}\n`);
  assert.ok(over.diagnostics.some((d) => d.code === 'out-of-range' && /at most 10,000/.test(d.message)));
  // 10,000 × 10,000 × 10,000 layers if expanded: refused before any copy is made.
  const nested = yaml(`input: 8x8x3
blocks:
  a:
    layers: [relu]
  b:
    layers: [{type: a, repeat: 10000}]
  c:
    layers: [{type: b, repeat: 10000}]
layers:
  - {type: c, repeat: 10000}
  - relu
`);
  const d = nested.diagnostics.find((x) => x.code === 'out-of-range');
  assert.ok(d, nested.diagnostics.map((x) => x.message).join('\n'));
  assert.match(d.message, /at most 1,000,000 layers/);
  assert.equal(nested.layers.length, 2);
  assert.ok(Date.now() - t0 < 5000);
});

test('use errors: a block with two inputs given one, first without repeat, a reference to no layer', () => {
  const src = `input: 8x8x3
blocks:
  two:
    inputs: [x, y]
    layers: [{type: add, inputs: [x, y]}]
  one:
    layers: [{type: relu, inputs: nowhere}]
layers:
  - {type: two, inputs: [input]}
  - {type: one, first: 2}
  - {type: one, inputs: missing}
`;
  const a = yaml(src);
  const codes = a.diagnostics.map((d) => `${d.code}@${at(a, d)}`);
  assert.ok(codes.includes('input-count@[input]'), codes.join(' '));
  assert.ok(codes.includes('unused-parameter@first'), codes.join(' '));
  assert.ok(codes.includes('unknown-reference@nowhere'), codes.join(' '));
  assert.ok(codes.includes('unknown-reference@missing'), codes.join(' '));
  assert.equal(a.diagnostics.filter((d) => d.code === 'unknown-reference' && at(a, d) === 'nowhere').length, 1, 'reported once in the definition');
});

test('names: a top-level layer may not take a name a use gives; block names may not be layer types', () => {
  const a = yaml(`input: 8x8x3\nblocks:\n  conv:\n    layers: [relu]\n  b:\n    layers: [relu]\nlayers:\n  - {name: s, type: b, repeat: 2}\n  - {name: s.1, type: relu}\n`);
  assert.ok(a.diagnostics.some((d) => d.code === 'duplicate-name' && at(a, d) === 'conv'));
  assert.ok(a.diagnostics.some((d) => d.code === 'duplicate-name' && at(a, d) === 's.1'), a.diagnostics.map((d) => d.message).join('\n'));
});

test('a v1 file has no blocks information, and its layers are read as before', () => {
  const a = yaml('input: 8x8x3\nlayers:\n  - {type: conv, filters: 2, kernel: 3}\n  - relu\n');
  assert.equal(a.model.blocks, undefined);
  assert.deepEqual(ids(a), ['0', '1']);
  assert.equal(a.layers[1]!.decl.after, undefined);
});

// ------------------------------------------------------------------ generated block structures

const arbBlocks = fc.record({
  blocks: fc.array(
    fc.record({
      layers: fc.array(fc.oneof(fc.constant('relu'), fc.constant('{type: conv, filters: $f, kernel: 1}'), fc.nat(5), fc.constant('{type: add, inputs: [input, 0]}')), { minLength: 1, maxLength: 4 }),
      named: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  uses: fc.array(fc.record({ block: fc.nat(5), repeat: fc.option(fc.integer({ min: 0, max: 30 })), name: fc.option(fc.constantFrom('a', 'b', 'a.0', 'x')), f: fc.option(fc.integer({ min: -1, max: 4 })) }), { maxLength: 5 }),
});

interface Generated {
  blocks: Array<{ layers: Array<string | number>; named: boolean }>;
  uses: Array<{ block: number; repeat: number | null; name: string | null; f: number | null }>;
}

function render(m: Generated): string {
  const out = ['input: 6x6x2', 'blocks:'];
  m.blocks.forEach((b, i) => {
    out.push(`  b${i}:`, '    params: {f: 2}', '    layers:');
    b.layers.forEach((l, j) => {
      const text = typeof l === 'number' ? `{type: b${l}${b.named ? `, name: n${j}` : ''}}` : l;
      out.push(`      - ${text}`);
    });
  });
  out.push('layers:');
  for (const u of m.uses) {
    const parts = [`type: b${u.block}`];
    if (u.repeat !== null) parts.push(`repeat: ${u.repeat}`);
    if (u.name !== null) parts.push(`name: ${u.name}`);
    if (u.f !== null) parts.push(`f: ${u.f}`);
    out.push(`  - {${parts.join(', ')}}`);
  }
  out.push('  - relu');
  return out.join('\n') + '\n';
}

test('property: random block structures never throw, stay bounded, and give unique full names', () => {
  fc.assert(
    fc.property(arbBlocks, (m) => {
      const a = yaml(render(m));
      assert.ok(a.layers.length <= 1_000_000);
      // Two uses with one name: an error at the second, which is not expanded (so names stay unique).
      const names = m.uses.map((u) => u.name).filter((n) => n !== null);
      if (new Set(names).size < names.length) assert.ok(a.diagnostics.some((d) => d.code === 'duplicate-name'));
      const seen = new Set<string>();
      const clashes = a.diagnostics.some((d) => d.code === 'duplicate-name');
      for (const l of a.layers) {
        if (l.decl.block) {
          assert.ok(clashes || !seen.has(l.decl.id), `duplicate full name ${l.decl.id} not reported`);
          seen.add(l.decl.id);
        }
      }
      for (const d of a.diagnostics) assert.ok(d.span.start >= 0 && d.span.end <= a.text.length);
    }),
    { numRuns: 300 },
  );
});

test('DenseNet-121 with blocks: torchvision\'s 7,978,856 parameters, and the same layers as written out flat', () => {
  const a = yaml(densenet121());
  const flat = yaml(densenet121Flat());
  assert.deepEqual(errors(a), []);
  assert.equal(a.totals.params, 7_978_856);
  // Unnamed top-level layers are known by their index in the file, which differs between the two.
  const row = (l: Analysis['layers'][number]) => [l.decl.name || l.decl.block ? l.decl.id : '#', l.output, l.params];
  assert.deepEqual(a.layers.map(row), flat.layers.map(row));
  assert.equal(a.totals.macs, flat.totals.macs);
  const r = yaml(repeatedBlockModel(50));
  const rf = yaml(repeatedBlockFlat(50));
  assert.deepEqual(r.layers.map((l) => [...row(l), l.sources]), rf.layers.map((l) => [...row(l), l.sources]));
});

test('inside a block, a layer may take a copy of an inner repeated use (m.0), or a layer inside it (m.0.cv1)', () => {
  const a = yaml(`input: 8x8x4
blocks:
  unit:
    layers:
      - {name: cv1, type: conv, filters: 4, kernel: 3, padding: 1}
  c2f:
    layers:
      - {name: m, type: unit, repeat: 2}
      - {name: cat, type: concat, inputs: [m.0, m.1, m.0.cv1]}
layers:
  - {name: s, type: c2f}
`);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  const cat = a.layers.find((l) => l.decl.id === 's.cat')!;
  assert.deepEqual(cat.output, { width: 8, height: 8, depth: 12 });
  const b = yaml(`input: 8x8x4
blocks:
  c2f:
    layers:
      - {name: m, type: conv, filters: 4, kernel: 3, padding: 1}
      - {name: cat, type: concat, inputs: [m, q.0]}
layers:
  - {name: s, type: c2f}
`);
  assert.ok(b.diagnostics.some((d) => d.code === 'unknown-reference' && d.message.includes("'q.0'")), 'a name below no local layer is still unknown');
});
