// Completion snippets: a layer type comes with its required parameters as tab stops (in YAML block
// style, flow style and JSON), an empty file gets a starter model, `input:` gets common sizes. Every
// snippet, expanded with its placeholders, must leave a file without errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { analyze, LAYER_TYPES, LAYERS } from '../../core/src/index';
import { completion } from '../../server/src/services/completion';
import { cursor } from './support';

/** A snippet as VS Code leaves it when the user accepts every placeholder: `${1:16}` → 16, `$0` → ''. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}

function accept(src: string, label: string, file = 'm.cnn.yaml'): { text: string; item: CompletionItem } {
  const c = cursor(src, file);
  const item = completion(c.analysis, c.doc, c.offset).find((i) => i.label === label);
  assert.ok(item, `${label} offered at ${JSON.stringify(src)}`);
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expand(edit.newText) : edit.newText;
  return { text: TextDocument.applyEdits(c.doc, [{ ...edit, newText }]), item };
}

const errors = (text: string, file = 'm.cnn.yaml') => analyze({ text, fileName: file }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

// 64 channels of 32 × 32: every type's example values fit (groupnorm's 32 groups divide 64).
const HEAD = 'input: 32x32x64\nlayers:\n';
const WITH_REQUIRED = LAYER_TYPES.filter((t) => Object.values(LAYERS.get(t)!.params).some((p) => p.required));

test('conv in block, flow and JSON style: the type with filters and kernel as tab stops', () => {
  const block = accept(HEAD + '  - type: co|\n', 'conv');
  assert.equal((block.item.textEdit as TextEdit).newText, 'conv\n    filters: ${1:16}\n    kernel: ${2:3}$0');
  assert.equal(block.item.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(block.text, HEAD + '  - type: conv\n    filters: 16\n    kernel: 3\n');
  assert.equal(accept(HEAD + '  - {type: co|}\n', 'conv').text, HEAD + '  - {type: conv, filters: 16, kernel: 3}\n');
  assert.equal(accept(HEAD + '  - relu\n  - co|\n', 'conv').text, HEAD + '  - relu\n  - type: conv\n    filters: 16\n    kernel: 3\n');
  const json = '{"input": "32x32x64", "layers": [{"type": "co|"}]}';
  assert.equal(accept(json, 'conv', 'm.cnn.json').text, '{"input": "32x32x64", "layers": [{"type": "conv", "filters": 16, "kernel": 3}]}');
  // Parameters already written are not added again; a type without required ones stays bare.
  assert.equal(accept(HEAD + '  - {type: co|, filters: 4}\n', 'conv').text, HEAD + '  - {type: conv, kernel: 3, filters: 4}\n');
  assert.equal(accept(HEAD + '  - {type: re|}\n', 'relu').item.insertTextFormat, undefined);
  // CRLF files get CRLF lines.
  assert.equal(accept((HEAD + '  - type: de|\n').replace(/\n/g, '\r\n'), 'dense').text, (HEAD + '  - type: dense\n    units: 10\n').replace(/\n/g, '\r\n'));
});

test('every layer type with required parameters, accepted as is, leaves a file without errors', () => {
  assert.ok(WITH_REQUIRED.length >= 10, WITH_REQUIRED.join());
  for (const t of WITH_REQUIRED) {
    const after = t === 'dense' ? '  - flatten\n' : '';
    for (const [src, file] of [
      [HEAD + after + `  - type: ${t.slice(0, 2)}|\n`, 'm.cnn.yaml'],
      [HEAD + after + `  - {name: x, type: ${t.slice(0, 2)}|}\n`, 'm.cnn.yaml'],
      [HEAD + after + `  - name: x\n    type: ${t.slice(0, 2)}|\n`, 'm.cnn.yaml'],
      [HEAD + '  - relu\n' + after + `  - ${t.slice(0, 2)}|\n`, 'm.cnn.yaml'],
      [`{"input": "32x32x64", "layers": [${after ? '"flatten", ' : ''}{"type": "${t.slice(0, 2)}|"}]}`, 'm.cnn.json'],
    ] as const) {
      const { text } = accept(src, t, file);
      assert.deepEqual(errors(text, file), [], `${t}: ${text}`);
    }
  }
});

test('an empty file is offered a starter model, which checks clean; `input:` gets common sizes', () => {
  // `new|` and `inp|`: the word being typed does not make the file non-empty (the suggestion pops up while typing).
  for (const [src, file] of [['|', 'm.cnn.yaml'], ['|', 'm.cnn.json'], ['\n|\n', 'm.cnn.yaml'], ['new|', 'm.cnn.yaml'], ['inp|', 'm.cnn.yaml']] as const) {
    const { text } = accept(src, 'new model', file);
    assert.deepEqual(errors(text, file), [], text);
    const a = analyze({ text, fileName: file });
    assert.equal(a.layers.at(-1)?.output?.depth, 10, text);
  }
  const c = cursor('input: |\nlayers: [relu]\n');
  const sizes = completion(c.analysis, c.doc, c.offset).map((i) => i.label);
  assert.deepEqual(sizes.slice(0, 3), ['28x28x1', '32x32x3', '224x224x3']);
  for (const s of sizes) assert.deepEqual(errors(`input: ${s}\nlayers: [relu]\n`), []);
  const j = cursor('{"input": |, "layers": ["relu"]}', 'm.cnn.json');
  assert.ok(completion(j.analysis, j.doc, j.offset).some((i) => (i.textEdit as TextEdit).newText === '"32x32x3"'));
  // A file with content is not offered the starter.
  const full = cursor('input: 8x8x1\n|\nlayers: [relu]\n');
  assert.ok(!completion(full.analysis, full.doc, full.offset).some((i) => i.label === 'new model'));
});
