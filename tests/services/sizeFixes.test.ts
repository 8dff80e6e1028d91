// More fixes for a size that is not whole: the nearest input size (AlexNet 224 → 227), a kernel
// size, rounding that layer down; and later errors that an earlier rounding caused say so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';
import { codeActions } from '../../server/src/services/codeActions';
import { applyWorkspaceEdit, open } from './support';

function fixesOn(text: string, file: string, line: number) {
  const { analysis, doc } = open(text, file);
  const actions = codeActions(analysis, doc, { start: { line, character: 0 }, end: { line, character: 999 } });
  return actions.map((a) => ({ title: a.title, text: applyWorkspaceEdit(doc, a.edit) }));
}
const errors = (text: string, file: string) => analyze({ text, fileName: file }).diagnostics.filter((d) => d.severity === 'error');

test('AlexNet at 224 is offered the 227 input, which makes every size whole', () => {
  const text = readFileSync('samples/alexnet-224.cnn.json', 'utf8');
  const fixes = fixesOn(text, 'alexnet-224.cnn.json', 4);
  const input = fixes.find((f) => f.title.startsWith('Set the input to 227x227x3'));
  assert.ok(input, fixes.map((f) => f.title).join('\n'));
  assert.equal(input.title, 'Set the input to 227x227x3 → 55×55×96');
  assert.ok(input.text.includes('"input": "227x227x3"'));
  assert.deepEqual(errors(input.text, 'a.cnn.json'), []);
  // Every input offered checks clean.
  for (const f of fixes.filter((x) => x.title.startsWith('Set the input'))) assert.deepEqual(errors(f.text, 'a.cnn.json'), [], f.title);
});

test('the tutorial case: a kernel size and rounding this layer down, with the sizes they give', () => {
  const text = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n  - relu\n';
  const fixes = fixesOn(text, 'm.cnn.yaml', 2);
  const titles = fixes.map((f) => f.title);
  assert.ok(titles.includes('Set kernel to 5 → 10×10×8'), titles.join('\n'));
  assert.ok(titles.includes('Set kernel to 2 → 11×11×8'), titles.join('\n'));
  assert.ok(titles.includes('Round this layer down (rounding: floor) → 10×10×8'), titles.join('\n'));
  assert.equal(fixes.find((f) => f.title.startsWith('Round'))!.text, text.replace('kernel: 4, stride: 3}', 'kernel: 4, rounding: floor, stride: 3}'));
  for (const f of fixes) assert.deepEqual(errors(f.text, 'm.cnn.yaml'), [], f.title);
  // An input written as a mapping is not rewritten (no input fix), the others stay.
  const mapped = fixesOn(text.replace('32x32x3', '{width: 32, height: 32, depth: 3}'), 'm.cnn.yaml', 2).map((f) => f.title);
  assert.ok(!mapped.some((t) => t.startsWith('Set the input')) && mapped.some((t) => t.startsWith('Set kernel')), mapped.join('\n'));
});

test('a pool whose stride follows its kernel: the kernel fix keeps that', () => {
  const text = 'input: 9x9x1\nlayers:\n  - {type: maxpool, kernel: 2}\n';
  const fixes = fixesOn(text, 'm.cnn.yaml', 2);
  const k3 = fixes.find((f) => f.title.startsWith('Set kernel to 3'));
  assert.equal(k3?.title, 'Set kernel to 3 → 3×3×1');
});

test('errors that follow from an earlier rounded size say so, naming the first cause', () => {
  const a = analyze({ text: readFileSync('samples/alexnet-224.cnn.json', 'utf8'), fileName: 'a.cnn.json' });
  const msgs = a.diagnostics.map((d) => d.message);
  assert.equal(msgs.length, 4);
  assert.doesNotMatch(msgs[0]!, /because/);
  for (const m of msgs.slice(1)) assert.match(m, /, because layer 'conv1' was rounded down from 54\.25$/);
  // Nothing is blamed where nothing was rounded.
  const ok = analyze({ text: 'input: 9x9x1\nlayers:\n  - {type: maxpool, kernel: 2}\n', fileName: 'm.cnn.yaml' });
  assert.doesNotMatch(ok.diagnostics[0]!.message, /because/);
});
