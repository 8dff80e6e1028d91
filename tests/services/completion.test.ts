import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver';
import { analyze } from '../../core/src/index';
import { LAYER_TYPES } from '../../core/src/index';
import { completion } from '../../server/src/services/completion';
import { cursor } from './support';

function complete(src: string, file = 'm.cnn.yaml') {
  const c = cursor(src, file);
  return { ...c, items: completion(c.analysis, c.doc, c.offset) };
}

function labels(src: string, file?: string): string[] {
  return complete(src, file).items.map((i) => i.label);
}

/** The text after accepting `label`. */
function accept(src: string, label: string, file = 'm.cnn.yaml'): string {
  const c = complete(src, file);
  const item = c.items.find((i) => i.label === label);
  assert.ok(item, `${label} in ${c.items.map((i) => i.label).join(', ')}`);
  return TextDocument.applyEdits(c.doc, [item.textEdit as TextEdit]);
}

const HEAD = 'input: 32x32x3\nlayers:\n';

test('layer types: after `type:`, and as a bare list item', () => {
  assert.deepEqual(labels(HEAD + '  - type: |\n'), [...LAYER_TYPES]);
  assert.deepEqual(labels(HEAD + '  - type: co|\n').slice(0, 3), ['conv', 'maxpool', 'avgpool']);
  // conv comes with its required parameters as tab stops (tests/services/snippets.test.ts).
  assert.equal(accept(HEAD + '  - type: co|\n', 'conv'), HEAD + '  - type: conv\n    filters: ${1:16}\n    kernel: ${2:3}$0\n');
  assert.equal(accept(HEAD + '  - relu\n  - fla|\n', 'flatten'), HEAD + '  - relu\n  - flatten\n');
  assert.ok(labels(HEAD + '  - relu\n  - |\n').includes('type'));
  assert.equal(accept(HEAD + '  - {type: |}\n', 'relu'), HEAD + '  - {type: relu}\n');
  assert.equal(accept(HEAD + '  - {type:|}\n', 'relu'), HEAD + '  - {type: relu}\n');
});

test('parameter names with documentation and defaults, without the ones already there', () => {
  const c = complete(HEAD + '  - type: conv\n    filters: 8\n    |\n');
  const byLabel = new Map(c.items.map((i) => [i.label, i] as [string, CompletionItem]));
  assert.ok(!byLabel.has('filters') && !byLabel.has('type'));
  assert.equal(byLabel.get('stride')?.detail, 'default 1');
  assert.equal(byLabel.get('kernel')?.detail, 'required');
  assert.match((byLabel.get('stride')?.documentation as MarkupContent).value, /how far the filter moves/);
  assert.ok(byLabel.has('name') && byLabel.has('inputs'));
  // Required parameters first.
  assert.equal([...c.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!.label, 'kernel');
  assert.equal(accept(HEAD + '  - type: conv\n    filters: 8\n    str|\n', 'stride'), HEAD + '  - type: conv\n    filters: 8\n    stride: \n');
  assert.ok(labels(HEAD + '  - {type: maxpool, kernel: 2, |}\n').includes('stride'));
  assert.ok(!labels(HEAD + '  - {type: maxpool, kernel: 2, |}\n').includes('filters'));
});

test('layer names inside inputs: earlier layers and the network input', () => {
  const body = HEAD + '  - {name: a, type: conv, filters: 4, kernel: 3}\n  - {name: b, type: relu}\n';
  assert.deepEqual(labels(body + '  - {type: add, inputs: [|]}\n  - {name: later, type: relu}\n'), ['input', 'b', 'a']);
  assert.deepEqual(labels(body + '  - {type: add, inputs: [a, |]}\n'), ['input', 'b', 'a']);
  assert.deepEqual(labels(body + '  - type: add\n    inputs:\n      - a\n      - |\n'), ['input', 'b', 'a']);
  assert.deepEqual(labels(body + '  - type: relu\n    inputs: |\n'), ['input', 'b', 'a']);
  const c = complete(body + '  - {type: add, inputs: [|]}\n');
  assert.equal(c.items.find((i) => i.label === 'a')?.detail, 'layer 0 (conv) → 30×30×4');
});

test('rounding values, padding and boolean values, top-level keys', () => {
  assert.deepEqual(labels('rounding: |\n' + HEAD), ['strict', 'floor', 'ceil']);
  assert.deepEqual(labels(HEAD + '  - {type: conv, filters: 2, kernel: 3, padding: |}\n'), ['same', 'valid']);
  assert.deepEqual(labels(HEAD + '  - {type: conv, filters: 2, kernel: 3, bias: |}\n'), ['true', 'false']);
  assert.deepEqual(labels(HEAD + '  - {type: conv, filters: |}\n'), []);
  const top = labels('input: 8x8x3\n|\nlayers: [relu]\n');
  assert.ok(top.includes('rounding') && top.includes('weights') && !top.includes('input') && !top.includes('layers'));
});

test('JSON: quoted keys and values, with the quote the user opened replaced', () => {
  const head = '{"input": "8x8x3", "layers": [';
  assert.equal(accept(head + '{"type": "co|"}]}', 'conv', 'm.cnn.json'), head + '{"type": "conv", "filters": ${1:16}, "kernel": ${2:3}$0}]}');
  assert.equal(accept(head + '{"type": |}]}', 'relu', 'm.cnn.json'), head + '{"type": "relu"}]}');
  assert.equal(accept(head + '{"type": "conv", "fil|"}]}', 'filters', 'm.cnn.json'), head + '{"type": "conv", "filters": }]}');
  const c = complete(head + '{"type": "conv", "fil|"}]}', 'm.cnn.json');
  assert.equal(c.items.find((i) => i.label === 'filters')?.filterText, '"filters');
  assert.deepEqual(labels(head + '{"name": "a", "type": "relu"}, {"type": "add", "inputs": ["a", |]}]}', 'm.cnn.json'), ['input', 'a']);
  assert.deepEqual(labels('{"rounding": "|", "input": "8x8x3", "layers": []}', 'm.cnn.json'), ['strict', 'floor', 'ceil']);
  assert.ok(labels('{"input": "8x8x3", |}', 'm.cnn.json').includes('layers'));
});

test('nothing where nothing fits', () => {
  assert.deepEqual(labels('name: my |\n' + HEAD), []);
  assert.deepEqual(labels(HEAD + '  - relu  # a comm|ent\n'), []);
  assert.deepEqual(labels(HEAD + '  - relu  # type: |\n'), []);
});

test('completion ranges on a line with Chinese text and emoji', () => {
  const src = HEAD + '  - {name: "卷积😀", type: co|}\n';
  const c = complete(src);
  const edit = c.items.find((i) => i.label === 'conv')!.textEdit as TextEdit;
  const line = src.split('\n')[2]!;
  assert.deepEqual(edit.range.start, { line: 2, character: line.indexOf('co|') });
  assert.equal(accept(src, 'conv'), src.replace('co|', 'conv, filters: ${1:16}, kernel: ${2:3}$0'));
  assert.ok(analyze({ text: accept(src, 'relu'), fileName: 'm.cnn.yaml' }).layers[0]!.decl.usable); // a bare relu is a whole layer
});
