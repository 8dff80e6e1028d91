// Completion in a file with blocks: block names as layer types, a block's parameters at a use,
// `$name` inside a definition, names in `inputs` scoped to the block, folding of definitions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, TextEdit } from 'vscode-languageserver';
import { LAYER_TYPES } from '../../core/src/index';
import { completion } from '../../server/src/services/completion';
import { foldingRanges } from '../../server/src/services/foldingRanges';
import { hover } from '../../server/src/services/hover';
import { cursor, open } from './support';

const BLOCKS = [
  'input: 56x56x64',
  'blocks:',
  '  basic:   # 残差块 🧱',
  '    params:',
  '      filters:',
  '      stride: 1',
  '    layers:',
  '      - {name: conv1, type: conv, filters: $filters, kernel: 3, stride: $stride, padding: 1}',
  '      - name: bn1',
  '        type: batchnorm',
  '      - relu',
  '  pair:',
  '    inputs: [x, skip]',
  '    layers:',
  '      - {name: conv1, type: conv, filters: 64, kernel: 1, inputs: x}',
  '      - {name: sum, type: add, inputs: [conv1, skip]}',
  'layers:',
  '  - {name: layer1, type: basic, filters: 64, repeat: 2}',
  '  - {name: top, type: relu}',
  '',
].join('\n');

function items(src: string) {
  const c = cursor(src);
  return { ...c, items: completion(c.analysis, c.doc, c.offset) };
}
const labels = (src: string) => items(src).items.map((i) => i.label);

function accept(src: string, label: string): string {
  const c = items(src);
  const item = c.items.find((i) => i.label === label);
  assert.ok(item, `${label} in ${c.items.map((i) => i.label).join(', ')}`);
  return TextDocument.applyEdits(c.doc, [item.textEdit as TextEdit]);
}

test('block names complete as layer types, first, with their parameters; never inside themselves', () => {
  const top = items(BLOCKS.replace('type: relu}', 'type: |}'));
  const sorted = [...top.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
  assert.deepEqual(sorted.slice(0, 2), ['basic', 'pair']);
  assert.deepEqual(sorted.slice(2), [...LAYER_TYPES]);
  assert.equal(top.items.find((i) => i.label === 'basic')?.detail, 'block (filters, stride=1)');
  const inBasic = labels(BLOCKS.replace('      - relu\n', '      - relu\n      - |\n'));
  assert.ok(inBasic.includes('pair') && !inBasic.includes('basic') && inBasic.includes('conv'), inBasic.join(','));
  assert.equal(accept(BLOCKS.replace('type: relu}', 'type: pa|}'), 'pair'), BLOCKS.replace('type: relu}', 'type: pair}'));
});

test('at a use, the block\'s parameters (required first) and the keys of a use', () => {
  const c = items(BLOCKS.replace('filters: 64, repeat: 2}', 'repeat: 2, |}'));
  const got = [...c.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => `${i.label} ${i.detail}`);
  assert.deepEqual(got, ['filters required', 'stride default 1', 'first block use', 'inputs block use']);
  const block = items(BLOCKS.replace('  - {name: top, type: relu}\n', '  - type: pair\n    |\n'));
  assert.deepEqual(block.items.map((i) => i.label).sort(), ['first', 'inputs', 'name', 'repeat']);
});

test('$name inside a definition: the block\'s parameters, with the $ typed replaced', () => {
  const src = BLOCKS.replace('kernel: 3, stride: $stride', 'kernel: 3, stride: $st|');
  assert.deepEqual(labels(src), ['$filters', '$stride']);
  assert.equal(accept(src, '$stride'), BLOCKS);
  assert.deepEqual(labels(BLOCKS.replace('        type: batchnorm', '        type: batchnorm\n        channels: |')), ['$filters', '$stride']);
  // Outside a definition there are no parameters to offer.
  assert.deepEqual(labels(BLOCKS.replace('{name: top, type: relu}', '{name: top, type: conv, filters: |}')), []);
});

test('inputs inside a block: its inputs and its earlier layers, not the file\'s', () => {
  assert.deepEqual(labels(BLOCKS.replace('inputs: [conv1, skip]', 'inputs: [conv1, |]')), ['x', 'skip', 'conv1']);
  assert.deepEqual(labels(BLOCKS.replace('{name: top, type: relu}', '{name: top, type: relu, inputs: |}')), ['input', 'layer1']);
});

test('a layer\'s own rounding takes the rounding values', () => {
  assert.deepEqual(labels('input: 8x8x3\nlayers:\n  - {type: maxpool, kernel: 3, stride: 2, rounding: |}\n'), ['strict', 'floor', 'ceil']);
});

test('block definitions fold, each and all', () => {
  const { analysis, doc } = open(BLOCKS);
  const folds = foldingRanges(analysis, doc).map((f) => `${f.startLine}-${f.endLine}`);
  for (const r of ['1-15', '2-10', '3-5', '6-10', '8-9', '11-15', '13-15']) assert.ok(folds.includes(r), `${r} in ${folds.join(' ')}`);
});

test('keys of a block definition: completed and explained', () => {
  assert.deepEqual(labels(BLOCKS.replace('      - relu\n', '      - relu\n    |\n')), ['inputs', 'output']);
  const json = '{"input": "8x8x3", "blocks": {"b": {"layers": ["relu"], |}}, "layers": ["b"]}';
  const c = cursor(json, 'm.cnn.json');
  assert.deepEqual(completion(c.analysis, c.doc, c.offset).map((i) => i.label), ['params', 'inputs', 'output']);
  const h = (src: string) => {
    const k = cursor(src);
    return (hover(k.analysis, k.doc, k.offset)!.contents as MarkupContent).value;
  };
  assert.match(h(BLOCKS.replace('    params:', '    par|ams:')), /^\*\*params\*\* \(block\)/);
  assert.match(h(BLOCKS.replace('repeat: 2', 'rep|eat: 2')), /^\*\*repeat\*\*[^]*copies/);
});
