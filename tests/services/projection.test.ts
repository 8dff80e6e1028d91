// A depth mismatch in `add`: a 1×1 projection convolution on the shallower branch (ResNet's
// projection shortcut), inserted before the add, with the add pointed at it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';
import { codeActions } from '../../server/src/services/codeActions';
import { applyWorkspaceEdit, open } from './support';

function projectionFix(text: string, file = 'm.cnn.yaml') {
  const { analysis, doc } = open(text, file);
  const d = analysis.diagnostics.find((x) => x.code === 'channel-mismatch');
  assert.ok(d, 'a channel-mismatch');
  const p = doc.positionAt(d.span.start);
  const a = codeActions(analysis, doc, { start: p, end: p }).find((x) => x.title.startsWith('Project'));
  return a ? { title: a.title, text: applyWorkspaceEdit(doc, a.edit) } : undefined;
}
const errors = (text: string, file = 'm.cnn.yaml') => analyze({ text, fileName: file }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

const HEAD = 'input: 16x16x8\nlayers:\n  - {name: stem, type: conv, filters: 8, kernel: 3, padding: 1}\n  - {name: main, type: conv, filters: 16, kernel: 3, padding: 1}\n';

test('YAML flow items: the projection goes before the add, which then takes it', () => {
  const f = projectionFix(HEAD + '  - {name: sum, type: add, inputs: [main, stem]}\n  - relu\n');
  assert.equal(f?.title, "Project 'stem' with a 1×1 convolution to depth 16 → 16×16×16");
  assert.equal(f.text, HEAD + '  - {name: stem_proj, type: conv, filters: 16, kernel: 1, inputs: stem}\n  - {name: sum, type: add, inputs: [main, stem_proj]}\n  - relu\n');
  assert.deepEqual(errors(f.text), []);
});

test('YAML block list, the shallower input first; JSON', () => {
  const block = projectionFix(HEAD + '  - name: sum\n    type: add\n    inputs:\n      - stem\n      - main\n');
  assert.ok(block);
  assert.deepEqual(errors(block.text), [], block.text);
  const json = JSON.stringify({ input: '16x16x8', layers: [{ name: 'stem', type: 'conv', filters: 8, kernel: 3, padding: 1 }, { name: 'main', type: 'conv', filters: 16, kernel: 3, padding: 1 }, { type: 'add', inputs: ['main', 'stem'] }] }, null, 2);
  const j = projectionFix(json, 'm.cnn.json');
  assert.ok(j);
  assert.ok(j.text.includes('{"name": "stem_proj", "type": "conv", "filters": 16, "kernel": 1, "inputs": "stem"}'), j.text);
  assert.deepEqual(errors(j.text, 'm.cnn.json'), [], j.text);
});

test('not offered where an inserted layer would shift references by number', () => {
  const unnamed = 'input: 16x16x8\nlayers:\n  - {type: conv, filters: 8, kernel: 3, padding: 1}\n  - {type: conv, filters: 16, kernel: 3, padding: 1}\n  - {type: add, inputs: [1, 0]}\n';
  assert.equal(projectionFix(unnamed), undefined);
});
