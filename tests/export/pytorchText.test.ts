// Model text in the generated Python: names and labels become string literals nothing can break out
// of, comments never end early, identifiers are valid; the structure follows the weight keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../core/src/index';
import { exportPytorch, ExportError } from '../../export/src/pytorch/generate';
import { HELPERS } from '../../export/src/pytorch/helpers';
import { className, commentText, pyString, variableName } from '../../export/src/pytorch/python';

/** What Python's tokenizer reads back from a double-quoted literal with these escapes (no raw line breaks). */
function unquote(lit: string): string {
  assert.ok(lit.startsWith('"') && lit.endsWith('"'));
  const body = lit.slice(1, -1);
  assert.ok(![...body].some((c) => '\n\r\u2028\u2029\u0000'.includes(c)));
  return body.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|.)/g, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
  });
}

test('pyString: any text round-trips and never leaves the literal', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
    const lit = pyString(s);
    assert.equal(unquote(lit), s);
    // Every quote inside is escaped: the literal ends only at its last character.
    assert.doesNotMatch(lit.slice(1, -1), /(^|[^\\])(\\\\)*"/);
  }));
});

test('commentText: one line, no docstring end, for any text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
    const c = commentText(s);
    assert.ok(![...c].some((ch) => ch.charCodeAt(0) < 0x20 || '\u0085\u2028\u2029'.includes(ch)));
    assert.ok(!c.includes('"""'));
  }));
});

test('identifiers: valid Python, never a keyword', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
    assert.match(className(s), /^[A-Za-z_][A-Za-z0-9_]*$/);
    assert.match(variableName(s), /^[A-Za-z_][A-Za-z0-9_]*$/);
    assert.ok(!['class', 'def', 'return', 'None', 'x', 'self'].includes(variableName(s)));
  }));
  assert.equal(className('ResNet-18'), 'ResNet18');
  assert.equal(className('3 layers'), 'Net3Layers');
});

const exported = (text: string) => exportPytorch(analyze({ text, fileName: 'm.cnn.yaml' }), { fileName: 'm.cnn.yaml' });

test('a hostile model name and labels stay inside their comment and strings', () => {
  const text = 'name: "evil\\n\\"\\"\\"\\nimport os  # \\u2028x"\ninput: 4x4x1\nlabels: ["a\\"b", "c\\nd", "\\\\"]\nlayers:\n  - relu\n';
  const code = exported(text);
  assert.ok(!/^import os/m.test(code));
  assert.match(code, /^LABELS = \["a\\"b", "c\\nd", "\\\\"\]$/m);
});

test('structure: an unnamed chain is an nn.Sequential, dotted names nest, unnamed relus share one module', () => {
  assert.match(exported('input: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3}\n  - relu\n'), /class M\(nn\.Sequential\):[\s\S]*nn\.Conv2d\(3, 4, 3\), {2}# → 6×6×4/);
  const code = exported([
    'name: two', 'input: 8x8x3', 'layers:',
    '  - {name: stem.conv, type: conv, filters: 4, kernel: 3, padding: 1}', '  - relu',
    '  - {name: head.0, type: conv, filters: 4, kernel: 1}', '  - relu', '  - {name: head.2, type: conv, filters: 2, kernel: 1}',
    '  - {name: sum, type: add, inputs: [head.2, head.2]}', '  - relu', '',
  ].join('\n'));
  assert.match(code, /self\.stem = nn\.ModuleDict\(\{\n {12}"conv": nn\.Conv2d\(3, 4, 3, padding=1\),/);
  assert.match(code, /self\.head = nn\.Sequential\(\n {12}nn\.Conv2d\(4, 4, 1\), {2}# → 8×8×4\n {12}nn\.ReLU\(\),/);
  assert.equal(code.match(/self\.relu = nn\.ReLU\(\)/g)?.length, 1);
  assert.match(code, /x = self\.head\(x\) {2}# → 8×8×2\n {8}x = x \+ x/);
});

test('padding the runner computes but PyTorch cannot: explicit pads, not an approximation', () => {
  const code = exported('input: 9x9x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3, stride: 2, padding: same}\n  - {type: avgpool, kernel: 2, stride: 2, padding: same}\n');
  // Even `same` padding is PyTorch's own; a last window that runs past the input is ceil_mode's.
  assert.match(code, /nn\.Conv2d\(1, 2, 3, stride=2, padding=1\), {2}# → 5×5×2\n {12}nn\.AvgPool2d\(2, ceil_mode=True\)/);
  const uneven = exported('input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3, stride: 2, padding: same}\n');
  assert.match(uneven, /Conv2dPadded\(1, 2, 3, stride=2, pads=\(0, 1, 0, 1\)\)/);
  const ceil = exported('input: 8x8x1\nrounding: ceil\nlayers:\n  - {type: maxpool, kernel: 3, stride: 2}\n');
  assert.match(ceil, /nn\.MaxPool2d\(3, stride=2, ceil_mode=True\)/);
});

test('a model with errors is refused', () => {
  assert.throws(() => exported('input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n'), ExportError);
});

test('helper classes keep to 100 characters a line', () => {
  for (const [name, code] of Object.entries(HELPERS)) {
    for (const line of code.split('\n')) assert.ok([...line].length <= 100, `${name}: ${line}`);
  }
});
