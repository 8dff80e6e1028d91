// Document symbols, folding ranges and the code lens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeLenses, RUN_COMMAND } from '../../server/src/services/codeLenses';
import { documentSymbols } from '../../server/src/services/documentSymbols';
import { foldingRanges } from '../../server/src/services/foldingRanges';
import { open, positionOf } from './support';

const MODEL = [
  'name: LeNet  # 经典 😀',
  'input: 32x32x1',
  'preprocess:',
  '  scale: 0.5',
  'layers:',
  '  - type: conv',
  '    name: c1',
  '    filters: 6',
  '    kernel: 5',
  '  - relu',
  '  - {type: maxpool, kernel: 2}',
  '  - flatten',
  '  - {type: dense, units: 10}',
  '',
].join('\r\n');

test('symbols: top-level keys, and each layer with its output shape', () => {
  const { analysis, doc } = open(MODEL);
  const syms = documentSymbols(analysis, doc);
  assert.deepEqual(syms.map((s) => [s.name, s.detail]), [['name', 'LeNet'], ['input', '32×32×1'], ['preprocess', undefined], ['layers', '5 layers → 1×1×10']]);
  const layers = syms[3]!.children!;
  assert.deepEqual(layers.map((s) => [s.name, s.detail]), [
    ['c1', 'conv → 28×28×6'],
    ['relu', '#1 → 28×28×6'],
    ['maxpool', '#2 → 14×14×6'],
    ['flatten', '#3 → 1×1×1176'],
    ['dense', '#4 → 1×1×10'],
  ]);
  assert.deepEqual(layers[0]!.selectionRange.start, positionOf(MODEL, 'c1'));
  assert.deepEqual(layers[0]!.range.start, positionOf(MODEL, 'type: conv'));
  assert.deepEqual(layers[0]!.range.end, positionOf(MODEL, '\r\n  - relu'));
  for (const s of [...syms, ...layers]) {
    const inside = (p: { line: number; character: number }, r: typeof s.range) =>
      (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));
    assert.ok(inside(s.selectionRange.start, s.range) && inside(s.selectionRange.end, s.range), s.name);
  }
});

test('symbols for a file that is not a model yet', () => {
  const { analysis, doc } = open('- just a list\n');
  assert.deepEqual(documentSymbols(analysis, doc), []);
});

test('folding: multi-line layers, the layers list and other blocks; JSON keeps its closing bracket', () => {
  const { analysis, doc } = open(MODEL);
  assert.deepEqual(foldingRanges(analysis, doc), [
    { startLine: 2, endLine: 3 },
    { startLine: 4, endLine: 12 },
    { startLine: 5, endLine: 8 },
  ]);
  const json = '{\n  "input": "8x8x3",\n  "layers": [\n    {\n      "type": "relu"\n    }\n  ]\n}\n';
  const j = open(json, 'm.cnn.json');
  assert.deepEqual(foldingRanges(j.analysis, j.doc), [
    { startLine: 2, endLine: 5 },
    { startLine: 3, endLine: 4 },
  ]);
  assert.equal(foldingRanges(analysis, doc, 1).length, 1);
});

test('code lens above layers: totals and Run with the document URI', () => {
  const { analysis, doc } = open(MODEL);
  const lenses = codeLenses(analysis, doc);
  const params = (6 * 25 + 6) + (1176 * 10 + 10);
  const macs = 28 * 28 * 6 * 25 + 1176 * 10;
  assert.equal(lenses[0]!.command!.title, `${params.toLocaleString('en-US')} parameters · ${macs.toLocaleString('en-US')} MACs (${(macs / 1e3).toFixed(2)} K)`);
  assert.deepEqual(lenses[1]!.command, { title: '▶ Run', command: RUN_COMMAND, arguments: [doc.uri] });
  assert.deepEqual(lenses[2]!.command, { title: '◇ Graph', command: 'cnnShape.showGraph', arguments: [doc.uri] });
  assert.ok(lenses.every((l) => l.range.start.line === 4));
  const none = open('input: 8x8x3\n');
  assert.deepEqual(codeLenses(none.analysis, none.doc), []);
  // Under a thousand MACs the short form would repeat the number: said once.
  const small = open('input: 3x3x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3}\n');
  assert.equal(codeLenses(small.analysis, small.doc)[0]!.command!.title, '20 parameters · 18 MACs');
});
