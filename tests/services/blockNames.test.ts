// Names with blocks: block names (definition, references, rename), names inside a definition scoped
// to it, a block's inputs and parameters, and top-level names that reach into a use (`layer1.0.sum`).
// These read the text as written, so they hold whatever the expanded model looks like.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { definition } from '../../server/src/services/definition';
import { hover } from '../../server/src/services/hover';
import { documentHighlights, references } from '../../server/src/services/references';
import { prepareRename, rename, RENAME_MESSAGES } from '../../server/src/services/rename';
import { applyWorkspaceEdit, open, positionOf } from './support';

const MODEL = [
  'input: 56x56x64',
  'blocks:',
  '  basic:                  # 残差块 🧱',
  '    params:',
  '      filters:',
  '      stride: 1',
  '    layers:',
  '      - {name: conv1, type: conv, filters: $filters, kernel: 3, stride: $stride, padding: 1}',
  '      - {name: bn1, type: batchnorm, inputs: conv1}',
  '      - relu',
  '      - name: conv2',
  '        type: conv',
  '        filters: $filters',
  '        kernel: 3',
  '        padding: 1',
  '      - {name: sum, type: add, inputs: [conv2, input]}',
  '      - relu',
  '  pair:',
  '    inputs: [x, skip]',
  '    layers:',
  '      - {name: conv1, type: conv, filters: 64, kernel: 1, inputs: x}',
  '      - {name: sum, type: add, inputs: [conv1, skip]}',
  '    output: sum',
  'layers:',
  '  - {name: layer1, type: basic, filters: 64, repeat: 2}',
  '  - {name: conv1, type: conv, filters: 64, kernel: 1}',
  '  - {name: joined, type: pair, inputs: [conv1, layer1.1]}',
  '  - {type: add, inputs: [layer1.0.sum, joined.sum, conv1]}',
  '  - basic',
  '',
].join('\n');

/** The offset inside the n-th occurrence of `needle`, `into` characters in. */
function offsetOf(text: string, needle: string, nth = 0, into = 1): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return at + into;
}

function where(doc: TextDocument, ranges: Range[]): string[] {
  return ranges.map((r) => `${r.start.line}:${r.start.character} ${doc.getText(r)}`);
}

function at(text: string, needle: string, nth = 0, shift = 0): string {
  const p = positionOf(text, needle, nth);
  return `${p.line}:${p.character + shift}`;
}

const m = open(MODEL);

function refs(offset: number, withDecl = true): string[] {
  return where(m.doc, references(m.analysis, m.doc, offset, withDecl).map((l) => l.range));
}

function defAt(offset: number): string[] {
  const loc = definition(m.analysis, m.doc, offset);
  return loc ? where(m.doc, [loc.range]) : [];
}

function renamed(offset: number, name: string, text = MODEL): string {
  const c = open(text);
  const r = rename(c.analysis, c.doc, offset, name);
  assert.ok('ok' in r, 'error' in r ? r.error : '');
  return applyWorkspaceEdit(c.doc, r.ok);
}

function refusal(offset: number, name?: string): string {
  const r = name === undefined ? prepareRename(m.analysis, m.doc, offset) : rename(m.analysis, m.doc, offset, name);
  return 'error' in r ? r.error : 'accepted';
}

test('a block name: definition from a use (mapping or bare), references, rename', () => {
  const decl = `${at(MODEL, 'basic:')} basic`;
  assert.deepEqual(defAt(offsetOf(MODEL, 'type: basic', 0, 7)), [decl]);
  assert.deepEqual(defAt(offsetOf(MODEL, '- basic', 0, 3)), [decl]);
  const uses = [`${at(MODEL, 'basic,')} basic`, `${at(MODEL, '- basic', 0, 2)} basic`];
  assert.deepEqual(refs(offsetOf(MODEL, 'basic:')), [decl, ...uses]);
  assert.deepEqual(refs(offsetOf(MODEL, 'basic:'), false), uses);
  const out = renamed(offsetOf(MODEL, 'basic,'), 'res_block');
  assert.equal(out, MODEL.replace('basic:', 'res_block:').replace('type: basic', 'type: res_block').replace('- basic', '- res_block'));
  assert.equal(refusal(offsetOf(MODEL, 'basic:'), 'conv'), RENAME_MESSAGES.layerType('conv'));
  assert.equal(refusal(offsetOf(MODEL, 'basic:'), 'pair'), RENAME_MESSAGES.blockTaken('pair'));
  assert.equal(refusal(offsetOf(MODEL, 'basic:'), 'a.b'), RENAME_MESSAGES.blockWord('a.b'));
});

test('a name inside a block is scoped to it: the same name elsewhere is another layer', () => {
  const inBasic = offsetOf(MODEL, 'conv1, type');
  const decl = `${at(MODEL, 'conv1, type')} conv1`;
  assert.deepEqual(refs(inBasic), [decl, `${at(MODEL, 'conv1}')} conv1`]);
  assert.deepEqual(defAt(offsetOf(MODEL, 'conv1}')), [decl]);
  // pair's conv1 and the top-level conv1 are their own layers.
  assert.deepEqual(refs(offsetOf(MODEL, 'conv1, type', 1)), [`${at(MODEL, 'conv1, type', 1)} conv1`, `${at(MODEL, 'conv1, skip')} conv1`]);
  assert.deepEqual(refs(offsetOf(MODEL, 'conv1, type', 2)), [`${at(MODEL, 'conv1, type', 2)} conv1`, `${at(MODEL, '[conv1, layer1', 0, 1)} conv1`, `${at(MODEL, 'conv1]')} conv1`]);
  const out = renamed(inBasic, 'first');
  assert.equal(out, MODEL.replace('{name: conv1, type: conv, filters: $filters', '{name: first, type: conv, filters: $filters').replace('inputs: conv1}', 'inputs: first}'));
  assert.equal(refusal(inBasic, 'bn1'), RENAME_MESSAGES.takenInBlock('bn1', 'basic'));
  assert.equal(refusal(inBasic, 'input'), RENAME_MESSAGES.takenInBlock('input', 'basic'));
  assert.equal(renamed(offsetOf(MODEL, 'conv1, type', 2), 'conv1b').split('\n').filter((l) => l.includes('conv1b')).length, 3);
});

test('a block\'s output and its named inputs', () => {
  const sumDecl = `${at(MODEL, 'sum, type: add, inputs: [conv1')} sum`;
  assert.deepEqual(defAt(offsetOf(MODEL, 'output: sum', 0, 9)), [sumDecl]);
  assert.deepEqual(refs(offsetOf(MODEL, 'skip]')), [`${at(MODEL, 'skip]')} skip`, `${at(MODEL, 'skip]}')} skip`]);
  const out = renamed(offsetOf(MODEL, 'x, skip'), 'main');
  assert.equal(out, MODEL.replace('[x, skip]', '[main, skip]').replace('inputs: x}', 'inputs: main}'));
  // basic's input is the default one: naming it needs `inputs:` in the block.
  assert.equal(refusal(offsetOf(MODEL, 'input]}')), RENAME_MESSAGES.blockInput('basic'));
  assert.deepEqual(defAt(offsetOf(MODEL, 'input]}')), []);
});

test('block parameters: the key, every $name and the key at each use', () => {
  const declared = `${at(MODEL, 'filters:\n')} filters`;
  const dollars = [`${at(MODEL, '$filters', 0, 1)} filters`, `${at(MODEL, '$filters', 1, 1)} filters`];
  const atUse = `${at(MODEL, 'filters: 64, repeat')} filters`;
  assert.deepEqual(refs(offsetOf(MODEL, '$filters', 1, 3)), [declared, ...dollars, atUse]);
  assert.deepEqual(defAt(offsetOf(MODEL, 'filters: 64, repeat')), [declared]);
  const h = documentHighlights(m.analysis, m.doc, offsetOf(MODEL, '$stride', 0, 2));
  assert.deepEqual(where(m.doc, h.map((x) => x.range)), [`${at(MODEL, 'stride: 1')} stride`, `${at(MODEL, '$stride', 0, 1)} stride`]);
  const out = renamed(offsetOf(MODEL, 'filters:\n'), 'width');
  assert.equal(out, MODEL.replace('filters:\n', 'width:\n').replaceAll('$filters', '$width').replace('filters: 64, repeat', 'width: 64, repeat'));
  assert.equal(refusal(offsetOf(MODEL, 'filters:\n'), 'stride'), RENAME_MESSAGES.paramTaken('stride', 'basic'));
  assert.equal(refusal(offsetOf(MODEL, 'filters:\n'), 'repeat'), RENAME_MESSAGES.useKey('repeat'));
  assert.equal(refusal(offsetOf(MODEL, 'filters:\n'), 'a-b'), RENAME_MESSAGES.paramWord('a-b'));
});

test('names that reach into a use: each part goes to its own declaration and is renamed with it', () => {
  const ref = 'layer1.0.sum';
  assert.deepEqual(defAt(offsetOf(MODEL, ref, 0, 2)), [`${at(MODEL, 'layer1,')} layer1`]);
  assert.deepEqual(defAt(offsetOf(MODEL, ref, 0, 10)), [`${at(MODEL, 'sum, type: add, inputs: [conv2')} sum`]);
  assert.deepEqual(defAt(offsetOf(MODEL, 'joined.sum', 0, 8)), [`${at(MODEL, 'sum, type: add, inputs: [conv1')} sum`]);
  // The use layer1: its name, the copy `layer1.1` and the start of `layer1.0.sum`.
  assert.deepEqual(refs(offsetOf(MODEL, 'layer1,')), [`${at(MODEL, 'layer1,')} layer1`, `${at(MODEL, 'layer1.1')} layer1`, `${at(MODEL, ref)} layer1`]);
  assert.equal(renamed(offsetOf(MODEL, 'layer1,'), 'stage1'), MODEL.replace('layer1,', 'stage1,').replace('layer1.1', 'stage1.1').replace(ref, 'stage1.0.sum'));
  // basic's sum: its declaration and the end of `layer1.0.sum`.
  const sum = offsetOf(MODEL, 'sum, type: add, inputs: [conv2');
  assert.deepEqual(refs(sum), [`${at(MODEL, 'sum, type: add, inputs: [conv2')} sum`, `${at(MODEL, ref, 0, 9)} sum`]);
  assert.equal(renamed(sum, 'total'), MODEL.replace('{name: sum, type: add, inputs: [conv2', '{name: total, type: add, inputs: [conv2').replace(ref, 'layer1.0.total'));
  // pair's sum: its declaration, its `output` and `joined.sum`.
  assert.equal(renamed(offsetOf(MODEL, 'output: sum', 0, 9), 'total'), MODEL.replace('{name: sum, type: add, inputs: [conv1', '{name: total, type: add, inputs: [conv1').replace('output: sum', 'output: total').replace('joined.sum', 'joined.total'));
  assert.equal(refusal(offsetOf(MODEL, 'conv1, type', 2), 'layer1.3'), RENAME_MESSAGES.prefixTaken('layer1.3', 'layer1'));
});

test('hover on a block parameter, a block\'s key and a block input', () => {
  const text = (offset: number) => {
    const h = hover(m.analysis, m.doc, offset);
    assert.ok(h);
    return (h.contents as MarkupContent).value;
  };
  const param = text(offsetOf(MODEL, '$filters', 0, 3));
  assert.match(param, /^\*\*filters\*\*: parameter of block `basic`/);
  assert.match(param, /required at every use/);
  assert.match(param, /at each use: `layer1`: `64`, layer 4: missing/);
  assert.match(text(offsetOf(MODEL, 'stride: 1')), /default `1`[^]*`layer1`: default/);
  const block = text(offsetOf(MODEL, 'pair:'));
  assert.match(block, /^\*\*block\*\* `pair`: 2 layers/);
  assert.match(block, /used by `joined` → /);
  assert.match(text(offsetOf(MODEL, 'skip]}')), /`skip`: an input of block `pair`/);
});

test('JSON with blocks: a block, a parameter and an inner name renamed as JSON strings', () => {
  const json = '{"input": "8x8x4", "blocks": {"twice": {"params": {"f": 4}, "layers": [{"name": "c", "type": "conv", "filters": "$f", "kernel": 1}, {"type": "relu", "inputs": "c"}]}},\n "layers": [{"name": "t", "type": "twice", "f": 8, "repeat": 2}, {"type": "add", "inputs": ["t.0.c", "t"]}]}\n';
  const c = open(json, 'm.cnn.json');
  const go = (needle: string, nth: number, name: string) => {
    const r = rename(c.analysis, c.doc, offsetOf(json, needle, nth, 2), name);
    assert.ok('ok' in r, 'error' in r ? r.error : '');
    return applyWorkspaceEdit(c.doc, r.ok);
  };
  assert.equal(go('"twice"', 0, 'pair'), json.replaceAll('"twice"', '"pair"'));
  assert.equal(go('"f"', 0, 'width'), json.replace('"f": 4', '"width": 4').replace('"$f"', '"$width"').replace('"f": 8', '"width": 8'));
  assert.equal(go('"c"', 0, 'conv'), json.replace('"name": "c"', '"name": "conv"').replace('"inputs": "c"', '"inputs": "conv"').replace('"t.0.c"', '"t.0.conv"'));
  assert.equal(go('"t"', 0, 'stage 1'), json.replace('"name": "t"', '"name": "stage 1"').replace('"t.0.c"', '"stage 1.0.c"').replace('"t"]', '"stage 1"]'));
});
