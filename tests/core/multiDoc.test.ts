// A multi-document YAML file (issue 13) is one `syntax` error in the model's terms, not eemeli/yaml's
// advice to call YAML.parseAllDocuments().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core/src/index';

test('several YAML documents: one syntax error saying how many and where the second starts', () => {
  const a = analyze({ text: 'input: 8x8x1\nlayers:\n  - relu\n---\nx: 1\n---\ny: 2\n', fileName: 'm.cnn.yaml' });
  const syntax = a.diagnostics.filter((d) => d.code === 'syntax');
  assert.equal(syntax.length, 1, JSON.stringify(a.diagnostics));
  assert.equal(syntax[0]!.message, 'a model file holds one YAML document; this one has 3 (a second `---` at line 4)');
  assert.ok(!a.diagnostics.some((d) => /parseAllDocuments/.test(d.message)));
  const two = analyze({ text: '---\ninput: 8x8x1\n---\nlayers: []\n', fileName: 'm.cnn.yaml' }).diagnostics.find((d) => d.code === 'syntax');
  assert.equal(two?.message, 'a model file holds one YAML document; this one has 2 (a second `---` at line 3)');
});
